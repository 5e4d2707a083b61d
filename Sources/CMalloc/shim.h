#ifndef WORKBENCH_CMALLOC_SHIM_H
#define WORKBENCH_CMALLOC_SHIM_H

/*
 * The GNU C library's allocator settings (mallopt), which its Swift module does not export.
 * Elsewhere wb_malloc_tune does nothing and returns 0.
 */

#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/* Sets the padding added to every heap growth and the size from which blocks get pages of their
   own. Returns 1 when both settings were taken. */
static inline int wb_malloc_tune(int top_pad, int mmap_threshold) {
#if defined(M_TOP_PAD) && defined(M_MMAP_THRESHOLD)
    return mallopt(M_TOP_PAD, top_pad) == 1 && mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1;
#else
    (void)top_pad;
    (void)mmap_threshold;
    return 0;
#endif
}

#endif
