/* The peer of `workbench segment --format lines` for the benchmark in scripts/segment-vs-icu:
 * reads one UTF-8 file, splits it with ICU's sentence break iterator for German and writes each
 * sentence (trimmed of its trailing line break) as one line to standard output. */
#include <stdio.h>
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: icu-sentences FILE\n"); return 2; }
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 1; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *bytes = malloc(size > 0 ? size : 1);
    if (!bytes || fread(bytes, 1, size, file) != (size_t)size) { perror(argv[1]); return 1; }
    fclose(file);

    UErrorCode status = U_ZERO_ERROR;
    UText *text = utext_openUTF8(NULL, bytes, size, &status);
    UBreakIterator *sentences = ubrk_open(UBRK_SENTENCE, "de", NULL, 0, &status);
    ubrk_setUText(sentences, text, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "icu: %s\n", u_errorName(status)); return 1; }

    static char out[1 << 16];
    setvbuf(stdout, out, _IOFBF, sizeof out);
    long count = 0;
    /* With a UTF-8 UText the boundaries are byte offsets. */
    for (int32_t start = ubrk_first(sentences), end = ubrk_next(sentences); end != UBRK_DONE;
         start = end, end = ubrk_next(sentences)) {
        int32_t last = end;
        while (last > start && (bytes[last - 1] == '\n' || bytes[last - 1] == ' ')) last--;
        if (last == start) continue;
        fwrite(bytes + start, 1, last - start, stdout);
        fputc('\n', stdout);
        count++;
    }
    fflush(stdout);
    fprintf(stderr, "icu: %ld sentences\n", count);
    ubrk_close(sentences);
    utext_close(text);
    free(bytes);
    return 0;
}
