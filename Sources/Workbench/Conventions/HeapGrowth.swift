import CMalloc

/// How the C allocator grows and shrinks its heaps in this process, set once at start.
///
/// The commands that read a large session or corpus (`replay --verify`, `export`, `validate`) make
/// millions of small objects on several threads. With the allocator's defaults a thread's heap is
/// grown by the pages a request needs and handed back as soon as its top is free, one `mprotect`
/// call each way: a million-event verification made about 103 000 of them, a quarter of its system
/// time (BENCHMARKS.md, "Session layer, sixteenth pass"). With ``padding`` kept at a heap's top it
/// made 72. Setting the padding also stops the allocator from raising, on its own, the size from
/// which blocks get pages of their own (it would stay at 128 KiB, and every large array would be
/// mapped and unmapped again), so ``mappingThreshold`` sets that size to the top of the range the
/// allocator's own adjustment reaches.
///
/// Only the GNU C library has these settings (`mallopt`); elsewhere this does nothing.
enum HeapGrowth {
    /// Bytes kept free at the top of a heap when it grows or shrinks.
    static let padding: Int32 = 64 << 20
    /// Blocks at least this large are mapped on their own (the top of the allocator's own range).
    static let mappingThreshold: Int32 = 32 << 20

    /// Applies ``padding`` and ``mappingThreshold`` to the process's allocator.
    static func configure() {
        _ = wb_malloc_tune(padding, mappingThreshold)
    }
}
