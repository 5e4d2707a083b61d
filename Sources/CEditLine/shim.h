#ifndef WORKBENCH_CEDITLINE_SHIM_H
#define WORKBENCH_CEDITLINE_SHIM_H

/*
 * Non-variadic wrappers around libedit for Swift.
 *
 * el_set, el_get and history are C-variadic, which Swift cannot call, and the stdio globals
 * (stdin, stdout, stderr) are off limits in Swift 6 language mode. Every operation the line
 * editor needs has one small static inline function here. All editing uses the wide API
 * (wchar_t is 32 bits on the platforms we build for).
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/* Prompt callback: returns the wide prompt; must stay valid until the next prompt is set. */
typedef wchar_t *(*wb_prompt_fn)(EditLine *);
/* Key function callback (for example TAB completion): returns a CC_* code. */
typedef unsigned char (*wb_key_fn)(EditLine *, int);

/* ---- Locale ------------------------------------------------------------------------------ */

/* Sets LC_CTYPE from the environment; falls back to C.UTF-8 when the codeset isn't UTF-8.
   Without a UTF-8 LC_CTYPE libedit drops non-ASCII input. Returns 1 when UTF-8 is active. */
static inline int wb_setup_utf8_ctype(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0)) {
        return 1;
    }
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
        return 0;
    }
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

/* ---- Terminal facts ---------------------------------------------------------------------- */

static inline int wb_isatty(int fd) { return isatty(fd); }

/* Columns of the terminal on fd, or 0 when unknown. */
static inline int wb_terminal_columns(int fd) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return (int)size.ws_col;
}

/* Rows of the terminal on fd, or 0 when unknown. */
static inline int wb_terminal_rows(int fd) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return (int)size.ws_row;
}

/* Bytes waiting to be read on standard input (0 when unknown): after a key, more input already there
   means the key came with pasted text rather than from a person waiting for its effect. */
static inline int wb_input_pending(void) {
    int count = 0;
    if (ioctl(STDIN_FILENO, FIONREAD, &count) != 0) return 0;
    return count;
}

/* Writes a UTF-8 string to standard output through stdio (the stream libedit uses) and flushes. */
static inline void wb_write_stdout(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

static inline void wb_flush_stdout(void) { fflush(stdout); }

/* ---- Piped standard input, and SIGTERM and SIGHUP while it is read ---------------------------- */

/* As wb_sigint_*: call these from one Swift source file only (PlainLineReader.swift). */

static inline volatile sig_atomic_t *wb_plain_stop_signal(void) {
    static volatile sig_atomic_t signo = 0;
    return &signo;
}

/* The descriptor the two readers below wait on and read (the piped reader's wb_plain_fill and the
   terminal editor's wb_read_char): standard input. Every source file that includes this header has its
   own copy, so a test can point its own copies of the readers at a pipe without replacing the process's
   standard input, which every other test's child processes would inherit meanwhile. */
static inline int *wb_input_descriptor(void) {
    static int fd = STDIN_FILENO;
    return &fd;
}

/* The self-pipe a stop signal's handler writes one byte into ({-1, -1} until wb_wake_pipe_open), the
   one mechanism of both readers (piped input's and the terminal line editor's): a wait for input polls
   it beside standard input (wb_wait_for_input), so a stop signal handled at any moment (also just
   before the wait begins, or on another thread) ends the wait. Each reader's source file has its own
   pipe (see wb_sigint_*), used by that reader's handlers and waits alone. */
static inline int *wb_wake_pipe(void) {
    static int fds[2] = {-1, -1};
    return fds;
}

/* Makes the wake pipe (once; both ends close-on-exec and non-blocking). Without it (no descriptors
   left), waits are not woken by the pipe: a signal still breaks off a wait it lands in. */
static inline void wb_wake_pipe_open(void) {
    int *wake = wb_wake_pipe();
    if (wake[0] >= 0) return;
    if (pipe(wake) == 0) {
        for (int end = 0; end < 2; end++) {
            fcntl(wake[end], F_SETFD, FD_CLOEXEC);
            fcntl(wake[end], F_SETFL, fcntl(wake[end], F_GETFL) | O_NONBLOCK);
        }
    } else {
        wake[0] = -1;
        wake[1] = -1;
    }
}

/* From a stop signal's handler: wakes the wait for input (async-signal-safe; errno kept). The byte
   stays in the pipe: a stop ends the input for good, so every later wait ends at once too. */
static inline void wb_wake_waiter(void) {
    int saved = errno;
    int wake = wb_wake_pipe()[1];
    if (wake >= 0) {
        char byte = 1;
        ssize_t ignored = write(wake, &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

/* Waits until `fd` can be read or a stop signal's handler wrote to the wake pipe: 1 when `fd` can be
   read (or has ended or failed: the read says which), 0 when woken by a stop, -1 when the wait failed
   (errno; EINTR when another signal broke it off, which the caller handles as it would a read's). */
static inline int wb_wait_for_input(int fd) {
    int wake = wb_wake_pipe()[0];
    if (wake < 0) return 1;
    struct pollfd fds[2] = {{fd, POLLIN, 0}, {wake, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) return -1;
    if (fds[1].revents != 0) return 0;
    return 1;
}

static void wb_plain_stop_handler(int signo) {
    *wb_plain_stop_signal() = signo;
    wb_wake_waiter();
}

/* Handlers for SIGTERM (`kill`) and SIGHUP that only note the signal, so piped input ends as at its
   end, as the terminal's line editor does: the command running is finished first (a search asked to
   stop), the line being read is not run, and the session is closed as on leaving (snapshot written,
   lock released). The reader waits for input with poll on standard input and the self-pipe the handler
   writes to, so no signal is missed between a look at the flag and the wait (a script that stopped
   writing but kept the pipe open hung there). SA_RESETHAND: a second signal of the same kind ends the
   program at once, as before (the acknowledged edits are in the log). */
static inline void wb_plain_install_stop_signals(void) {
    wb_wake_pipe_open();
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = wb_plain_stop_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    int signals[2] = {SIGTERM, SIGHUP};
    for (int index = 0; index < 2; index++) {
        struct sigaction before;
        /* A signal the program was started to ignore (`nohup`) stays ignored. */
        if (sigaction(signals[index], NULL, &before) == 0 && before.sa_handler == SIG_IGN) continue;
        sigaction(signals[index], &action, NULL);
    }
}

/* The stop signal that came since wb_plain_install_stop_signals (SIGTERM or SIGHUP), else 0. */
static inline int wb_plain_stop_received(void) { return (int)*wb_plain_stop_signal(); }

/* Standard input's bytes read ahead (stdio's buffer, which cannot be waited on with poll, is not
   used), whether its end was reached, and the errno of a read that failed (0 when none did). */
struct wb_plain_input {
    unsigned char bytes[65536];
    size_t start, end;
    int ended, error;
};

static inline struct wb_plain_input *wb_plain_input(void) {
    static struct wb_plain_input input;
    return &input;
}

/* Reads more of standard input into the buffer: the bytes read, 0 at its end or when a stop signal
   came (nothing is read then), -1 when the read failed (the input's error set). With the stop signals
   installed, waits with poll on standard input and the self-pipe: never in a read that only a signal
   could end, and never spinning. */
static inline long wb_plain_fill(void) {
    struct wb_plain_input *input = wb_plain_input();
    for (;;) {
        if (*wb_plain_stop_signal()) return 0;
        int ready = wb_wait_for_input(*wb_input_descriptor());
        if (ready < 0) {
            if (errno == EINTR) continue;
            input->error = errno;
            return -1;
        }
        if (ready == 0) return 0; /* a stop signal */
        ssize_t count = read(*wb_input_descriptor(), input->bytes, sizeof input->bytes);
        if (count < 0) {
            if (errno == EINTR) continue;
            input->error = errno;
            return -1;
        }
        if (count == 0) {
            input->ended = 1;
            return 0;
        }
        input->start = 0;
        input->end = (size_t)count;
        return (long)count;
    }
}

/* The next byte of standard input, or -1 at its end, on a failed read or after a stop signal. */
static inline int wb_plain_next_byte(void) {
    struct wb_plain_input *input = wb_plain_input();
    if (input->start == input->end) {
        if (input->ended || input->error != 0 || wb_plain_fill() <= 0) return -1;
    }
    return input->bytes[input->start++];
}

/* Reads one line of stdin as bytes (any encoding, NUL bytes included) into *line (grown as needed;
 * the caller frees it), keeping at most `limit` bytes (its line break included): the rest of a longer
 * line is read and dropped, so that a stream without line breaks (a binary file piped by mistake,
 * /dev/zero) takes bounded memory. *total is the whole line's byte count without its line break;
 * returns the bytes kept, -1 at the end (or on a failed read, with errno set) before any byte. When
 * the kept `limit` bytes hold a NUL byte and no line break, the input is binary, not text: reading
 * stops there (a stream such as /dev/zero has no end to read to) and *binary is set to 1. A stop signal
 * ends the line where it came (the caller looks at wb_plain_stop_received). */
static inline long wb_read_stdin_line_bounded(char **line, size_t *capacity, size_t limit, size_t *total, int *binary) {
    size_t kept = 0, seen = 0;
    int c;
    *binary = 0;
    while ((c = wb_plain_next_byte()) >= 0) {
        seen += 1;
        if (kept < limit) {
            if (kept + 1 >= *capacity) {
                size_t grown = *capacity < 128 ? 128 : *capacity * 2;
                if (grown > limit + 1) grown = limit + 1;
                char *bigger = realloc(*line, grown);
                if (!bigger) { errno = ENOMEM; return -1; }
                *line = bigger;
                *capacity = grown;
            }
            (*line)[kept++] = (char)c;
            if (kept == limit && c != '\n' && memchr(*line, 0, kept) != NULL) { *binary = 1; break; }
        }
        if (c == '\n') break;
    }
    *total = seen - (c == '\n' ? 1 : 0);
    if (seen == 0) {
        if (wb_plain_input()->error != 0) errno = wb_plain_input()->error;
        return -1;
    }
    (*line)[kept] = 0;
    return (long)kept;
}

/* Whether a read of standard input failed (rather than reached its end). */
static inline int wb_stdin_failed(void) { return wb_plain_input()->error != 0; }

/* Forgets a failed read (one a stop signal broke off is no failure of standard input). */
static inline void wb_stdin_clear_error(void) { wb_plain_input()->error = 0; }

/* ---- SIGINT -------------------------------------------------------------------------------- */

/* The flag and saved action live in function-local statics of static inline functions. Swift
   emits such functions into every object file that uses them, each with its OWN statics: call
   the wb_sigint_* functions from one Swift source file only. */

static inline volatile sig_atomic_t *wb_sigint_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

static inline struct sigaction *wb_sigint_saved_action(void) {
    static struct sigaction saved;
    return &saved;
}

static inline int *wb_sigint_installed(void) {
    static int installed = 0;
    return &installed;
}

static void wb_sigint_handler(int signo) {
    (void)signo;
    *wb_sigint_flag() = 1;
}

/* Installs a SIGINT handler WITHOUT SA_RESTART, so a blocked read returns EINTR. Remembers the
   previous action for wb_restore_sigint_handler. Returns 0 on success. */
static inline int wb_install_sigint_handler(void) {
    if (*wb_sigint_installed()) return 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = wb_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    if (sigaction(SIGINT, &action, wb_sigint_saved_action()) != 0) return -1;
    *wb_sigint_installed() = 1;
    return 0;
}

/* Restores the SIGINT action that was active before wb_install_sigint_handler. */
static inline void wb_restore_sigint_handler(void) {
    if (!*wb_sigint_installed()) return;
    sigaction(SIGINT, wb_sigint_saved_action(), NULL);
    *wb_sigint_installed() = 0;
}

static inline int wb_sigint_received(void) { return *wb_sigint_flag() != 0; }
static inline void wb_sigint_clear(void) { *wb_sigint_flag() = 0; }

static inline int wb_errno(void) { return errno; }
static inline void wb_clear_errno(void) { errno = 0; }
static inline int wb_eintr(void) { return EINTR; }

/* ---- Reading characters ------------------------------------------------------------------------ */

/* libedit's own reader silently drops bytes that are not UTF-8 ("M\xFCller" typed in a Latin-1
   terminal arrives as "Mller"). wb_read_char (installed with wb_el_set_reader) decodes UTF-8 itself:
   a bad sequence becomes U+FFFD, shown in the line at once, and is counted, so the line can be
   refused. Because it replaces libedit's reader, it also does what that reader did after a signal:
   SIGWINCH resizes, SIGTSTP stops the program with the terminal restored and SIGCONT redraws. The
   handlers that tell it (wb_reader_install_signals) are only installed while a line is read.
   Like the SIGINT statics above, call these from one Swift source file only. */

static inline volatile sig_atomic_t *wb_reader_signals(void) {
    static volatile sig_atomic_t signals = 0;
    return &signals;
}

static inline int *wb_reader_bad_sequences(void) {
    static int count = 0;
    return &count;
}

/* Characters the terminal must not get raw (bidi controls and other invisible or format characters,
   C1 controls: the output path's rule) read since wb_reader_install_signals, and the first of them. */
static inline int *wb_reader_hidden_characters(void) {
    static int count = 0;
    return &count;
}

static inline unsigned int *wb_reader_first_hidden(void) {
    static unsigned int value = 0;
    return &value;
}

/* Decides whether a scalar (0x80 and above) may be shown as it is; 0 makes the reader hand libedit
   U+FFFD instead and count it. Set once by the editor (the output path's rule, written in Swift). */
typedef int (*wb_scalar_filter)(unsigned int);

static inline wb_scalar_filter *wb_reader_filter(void) {
    static wb_scalar_filter filter = 0;
    return &filter;
}

static inline void wb_reader_set_filter(wb_scalar_filter filter) { *wb_reader_filter() = filter; }

/* A byte read ahead (it ended a bad sequence and starts the next character), or -1. */
static inline int *wb_reader_read_ahead(void) {
    static int byte = -1;
    return &byte;
}

static inline struct sigaction *wb_reader_saved_actions(void) {
    static struct sigaction saved[5];
    return saved;
}

static inline int wb_reader_signal_bit(int signo) {
    return signo == SIGWINCH ? 1 : signo == SIGTSTP ? 2 : signo == SIGCONT ? 4 : signo == SIGTERM ? 8 : signo == SIGHUP ? 16 : 0;
}

static void wb_reader_signal_handler(int signo) {
    *wb_reader_signals() |= wb_reader_signal_bit(signo);
    if (signo == SIGTERM || signo == SIGHUP) wb_wake_waiter();
}

static inline void wb_reader_set_handler(int signo, struct sigaction *saved) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = wb_reader_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: read returns EINTR */
    sigaction(signo, &action, saved);
}

static inline int *wb_reader_stops_installed(void) {
    static int installed = 0;
    return &installed;
}

/* Installs the reader's SIGWINCH, SIGTSTP and SIGCONT handlers (before el_wgets, so libedit's own
   handlers pass these signals on to them) and clears the line's counters. The first call also installs
   handlers for SIGTERM (`kill`) and SIGHUP (the terminal closed) that stay until the editor closes:
   they only raise a flag, so the input ends as with Ctrl-D at the prompt (a command running is
   finished, a search stopped, first) and the session is closed as on leaving: snapshot written, lock
   released. They ended the program at once, and the next opening took over the lock of a process
   that was gone. The flag is kept from one line to the next. */
static inline void wb_reader_install_signals(void) {
    *wb_reader_signals() &= 24;
    *wb_reader_bad_sequences() = 0;
    *wb_reader_hidden_characters() = 0;
    *wb_reader_first_hidden() = 0;
    wb_reader_set_handler(SIGWINCH, &wb_reader_saved_actions()[0]);
    wb_reader_set_handler(SIGTSTP, &wb_reader_saved_actions()[1]);
    wb_reader_set_handler(SIGCONT, &wb_reader_saved_actions()[2]);
    if (!*wb_reader_stops_installed()) {
        wb_wake_pipe_open();
        wb_reader_set_handler(SIGTERM, &wb_reader_saved_actions()[3]);
        wb_reader_set_handler(SIGHUP, &wb_reader_saved_actions()[4]);
        *wb_reader_stops_installed() = 1;
    }
}

/* Restores the actions from before wb_reader_install_signals (after el_wgets): Ctrl-Z while a
   command runs stops the program as usual. SIGTERM and SIGHUP keep raising the flag. */
static inline void wb_reader_restore_signals(void) {
    sigaction(SIGWINCH, &wb_reader_saved_actions()[0], NULL);
    sigaction(SIGTSTP, &wb_reader_saved_actions()[1], NULL);
    sigaction(SIGCONT, &wb_reader_saved_actions()[2], NULL);
}

/* Whether SIGTERM or SIGHUP came since the editor began reading (the input has ended). */
static inline int wb_reader_stop_requested(void) { return (*wb_reader_signals() & 24) != 0; }

/* The stop signal that ended the editor's input (SIGTERM, else SIGHUP), or 0. */
static inline int wb_reader_stop_signal(void) {
    int signals = *wb_reader_signals();
    return (signals & 8) ? SIGTERM : (signals & 16) ? SIGHUP : 0;
}

/* When the editor closes, the program is ending: SIGTERM and SIGHUP are ignored from then on, so they
   cannot cut short the closing of the session. libedit passes a signal on with kill(0, …), to the whole
   process group, and a closed terminal sends SIGHUP again when its session leader dies of it. */
static inline void wb_ignore_stop_signals(void) {
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
}

/* Bad UTF-8 sequences read since wb_reader_install_signals. */
static inline int wb_reader_bad_sequence_count(void) { return *wb_reader_bad_sequences(); }

/* Hidden characters read since wb_reader_install_signals (each shown as U+FFFD), and the first. */
static inline int wb_reader_hidden_count(void) { return *wb_reader_hidden_characters(); }
static inline unsigned int wb_reader_first_hidden_value(void) { return *wb_reader_first_hidden(); }

/* After a signal other than SIGINT interrupted the read: what libedit's reader does, then read on.
   Ctrl-Z stops the program only where something can resume it: not when SIGTSTP was ignored when the
   line began (the program was started to ignore it: stopped, nothing would ever continue it), and a
   stop the kernel discards (a process group with no job-control shell above it, as under `sh -c`)
   is seen by the SIGCONT that never came. Either way the terminal is made raw again (libedit's own
   handler made it cooked) and the line is left as it is on the screen: redrawn, it stood twice. */
static inline void wb_reader_after_signal(EditLine *el) {
    int signals = *wb_reader_signals();
    *wb_reader_signals() &= 24; /* a stop signal is kept: it ends the input */
    if (signals & 2) {
        int resumed = 0;
        if (wb_reader_saved_actions()[1].sa_handler != SIG_IGN) {
            el_wset(el, EL_PREP_TERM, 0);
            struct sigaction action, ours;
            memset(&action, 0, sizeof action);
            action.sa_handler = SIG_DFL;
            sigemptyset(&action.sa_mask);
            sigaction(SIGTSTP, &action, &ours);
            kill(0, SIGTSTP); /* stops here until fg; SIGCONT is handled before kill returns */
            sigaction(SIGTSTP, &ours, NULL);
            resumed = (*wb_reader_signals() & 4) != 0;
        }
        el_wset(el, EL_PREP_TERM, 1);
        if (resumed) el_wset(el, EL_REFRESH);
        *wb_reader_signals() &= ~4;
    }
    if (signals & 4) {
        el_wset(el, EL_PREP_TERM, 1);
        el_wset(el, EL_REFRESH);
    }
    if (signals & 1) el_resize(el);
}

/* The EL_GETCFN reader: one character from standard input, UTF-8 decoded; 1, 0 at the end of input,
   -1 on an error or Ctrl-C (errno EINTR: the line is cancelled). */
static int wb_read_char(EditLine *el, wchar_t *out) {
    unsigned char bytes[4];
    int have = 0, need = 1;
    for (;;) {
        unsigned char byte;
        if (*wb_reader_read_ahead() >= 0) {
            byte = (unsigned char)*wb_reader_read_ahead();
            *wb_reader_read_ahead() = -1;
        } else {
            /* SIGTERM or SIGHUP that came while the line was drawn (not during a read) */
            if (*wb_reader_signals() & 24) { *out = 0; return 0; }
            /* The wait polls the wake pipe too: a stop handled after the look above (or on another
               thread) ends it, where a read would wait for the next key. */
            int ready = wb_wait_for_input(*wb_input_descriptor());
            if (ready == 0) { *out = 0; return 0; }
            ssize_t count = ready < 0 ? -1 : read(*wb_input_descriptor(), &byte, 1);
            if (count == 0) {
                if (have > 0) break; /* a sequence cut off by the end of input */
                *out = 0;
                return 0;
            }
            if (count < 0) {
                if (errno == EINTR && (*wb_reader_signals() & 24)) {
                    *out = 0;
                    return 0; /* SIGTERM or SIGHUP: the end of the input */
                }
                if (errno == EINTR && !*wb_sigint_flag()) {
                    wb_reader_after_signal(el);
                    continue;
                }
                *out = 0;
                return -1;
            }
        }
        if (have == 0) {
            if (byte < 0x80) { *out = (wchar_t)byte; return 1; }
            if (byte >= 0xC2 && byte <= 0xDF) need = 2;
            else if (byte >= 0xE0 && byte <= 0xEF) need = 3;
            else if (byte >= 0xF0 && byte <= 0xF4) need = 4;
            else break; /* not a first byte */
            bytes[have++] = byte;
            continue;
        }
        int low = 0x80, high = 0xBF;
        if (have == 1) {
            if (bytes[0] == 0xE0) low = 0xA0;
            else if (bytes[0] == 0xED) high = 0x9F;
            else if (bytes[0] == 0xF0) low = 0x90;
            else if (bytes[0] == 0xF4) high = 0x8F;
        }
        if (byte < low || byte > high) {
            *wb_reader_read_ahead() = byte; /* it may start the next character */
            break;
        }
        bytes[have++] = byte;
        if (have == need) {
            unsigned int value = bytes[0] & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
            for (int index = 1; index < need; index++) value = (value << 6) | (bytes[index] & 0x3F);
            wb_scalar_filter filter = *wb_reader_filter();
            if (filter != 0 && !filter(value)) {
                /* libedit would write it raw (glibc counts bidi controls as printable): show U+FFFD. */
                if (*wb_reader_hidden_characters() == 0) *wb_reader_first_hidden() = value;
                *wb_reader_hidden_characters() += 1;
                value = 0xFFFD;
            }
            *out = (wchar_t)value;
            return 1;
        }
    }
    *wb_reader_bad_sequences() += 1;
    *out = (wchar_t)0xFFFD;
    return 1;
}

/* ---- EditLine ------------------------------------------------------------------------------- */

/* Opens libedit on stdin/stdout/stderr (which Swift 6 cannot name). */
static inline EditLine *wb_el_init_stdio(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline void wb_el_end(EditLine *el) { el_end(el); }

/* Prompt function plus the ignore character that brackets non-printing sequences (colour). */
static inline int wb_el_set_prompt_esc(EditLine *el, wb_prompt_fn fn, wchar_t ignore) {
    return el_wset(el, EL_PROMPT_ESC, fn, (int)ignore);
}

/* An empty wide prompt, for a prompt callback that finds no editor. */
static inline wchar_t *wb_empty_prompt(void) {
    static wchar_t empty[1] = { 0 };
    return empty;
}

static inline int wb_el_set_editor_emacs(EditLine *el) { return el_wset(el, EL_EDITOR, L"emacs"); }

static inline int wb_el_set_signal(EditLine *el, int on) { return el_wset(el, EL_SIGNAL, on); }

/* Makes wb_read_char libedit's reader. */
static inline int wb_el_set_reader(EditLine *el) { return el_wset(el, EL_GETCFN, wb_read_char); }

static inline int wb_el_set_clientdata(EditLine *el, void *data) { return el_wset(el, EL_CLIENTDATA, data); }

static inline void *wb_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_wget(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

/* Registers a named key function (wide name and help text). */
static inline int wb_el_addfn(EditLine *el, const wchar_t *name, const wchar_t *help, wb_key_fn fn) {
    return el_wset(el, EL_ADDFN, name, help, fn);
}

/* Binds one key sequence (e.g. L"^I") to a named function. */
static inline int wb_el_bind(EditLine *el, const wchar_t *key, const wchar_t *function) {
    return el_wset(el, EL_BIND, key, function, (const wchar_t *)NULL);
}

/* Binds TAB to the function registered under name. */
static inline int wb_el_bind_tab(EditLine *el, const wchar_t *function) {
    return el_wset(el, EL_BIND, L"^I", function, (const wchar_t *)NULL);
}

static inline int wb_el_set_history(EditLine *el, HistoryW *history) {
    return el_wset(el, EL_HIST, history_w, history);
}

static inline const wchar_t *wb_el_wgets(EditLine *el, int *count) { return el_wgets(el, count); }

static inline const LineInfoW *wb_el_wline(EditLine *el) { return el_wline(el); }

static inline int wb_el_winsertstr(EditLine *el, const wchar_t *text) { return el_winsertstr(el, text); }

/* Deletes count characters before the cursor. */
static inline void wb_el_deletestr(EditLine *el, int count) { el_deletestr(el, count); }

static inline void wb_el_resize(EditLine *el) { el_resize(el); }

/* Moves the cursor to the end of the line. */
static inline void wb_el_cursor_to_end(EditLine *el) {
    const LineInfoW *info = el_wline(el);
    if (info != NULL) el_cursor(el, (int)(info->lastchar - info->cursor));
}

/* The key that ends the line for the Enter function: U+009F, which no terminal can send (the reader
   turns a C1 control into U+FFFD), bound to libedit's ed-newline. */
#define WB_END_LINE_KEY L"\x9f"

/* Binds Enter (^M and ^J, which the terminal may send for it) to the function registered under name,
   and the end-line key to ed-newline. */
static inline int wb_el_bind_return(EditLine *el, const wchar_t *function) {
    int status = el_wset(el, EL_BIND, L"^M", function, (const wchar_t *)NULL);
    status |= el_wset(el, EL_BIND, L"^J", function, (const wchar_t *)NULL);
    status |= el_wset(el, EL_BIND, WB_END_LINE_KEY, L"ed-newline", (const wchar_t *)NULL);
    return status;
}

/* Queues the end-line key: after a key function returned CC_REFRESH (so the line is redrawn as it
   changed), ed-newline ends the line. */
static inline void wb_el_push_newline(EditLine *el) { el_wpush(el, WB_END_LINE_KEY); }

static inline void wb_el_beep(EditLine *el) { el_beep(el); }

/* ---- History (wide) ------------------------------------------------------------------------ */

static inline HistoryW *wb_history_init(void) { return history_winit(); }

static inline void wb_history_end(HistoryW *history) { history_wend(history); }

static inline int wb_history_set_size(HistoryW *history, int size) {
    HistEventW event;
    return history_w(history, &event, H_SETSIZE, size);
}

static inline int wb_history_set_unique(HistoryW *history, int unique) {
    HistEventW event;
    return history_w(history, &event, H_SETUNIQUE, unique);
}

static inline int wb_history_enter(HistoryW *history, const wchar_t *line) {
    HistEventW event;
    return history_w(history, &event, H_ENTER, line);
}

static inline int wb_history_load(HistoryW *history, const char *path) {
    HistEventW event;
    return history_w(history, &event, H_LOAD, path);
}

/* The oldest entry (H_LAST), then each newer one (H_PREV): 0 and *line set, or -1 at the end. */
static inline int wb_history_oldest(HistoryW *history, const wchar_t **line) {
    HistEventW event;
    if (history_w(history, &event, H_LAST) == -1) return -1;
    *line = event.str;
    return 0;
}

static inline int wb_history_newer(HistoryW *history, const wchar_t **line) {
    HistEventW event;
    if (history_w(history, &event, H_PREV) == -1) return -1;
    *line = event.str;
    return 0;
}

static inline void wb_history_clear(HistoryW *history) {
    HistEventW event;
    history_w(history, &event, H_CLEAR);
}

static inline int wb_history_save(HistoryW *history, const char *path) {
    HistEventW event;
    return history_w(history, &event, H_SAVE, path);
}

#endif
