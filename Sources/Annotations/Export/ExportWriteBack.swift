import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts the disk write of an export file's bytes while the export goes on, so that the one
/// flush before the swap (``StagingFolder/flushToDisk()``) finds little left to write. Without it
/// the kernel keeps every written byte in memory until that flush (it writes back on its own only
/// past a tenth of the memory or after 30 s), and the disk then writes all of an export – over a
/// gigabyte for CoNLL-U or JSONL – after the last file is made, while both cores wait.
///
/// Linux `sync_file_range(SYNC_FILE_RANGE_WRITE)` only starts the write: it waits for nothing
/// and changes nothing about what is on disk when; the flush still comes before any file is put
/// in place. Where the system has no such call, nothing is done.
///
/// Used for the files written in chunks (``ExportOutput``) through the cache (those written past
/// it, see ``ExportStreamedFile``, leave nothing to start), not for the small whole files of
/// brat and WebAnno (``ExportFileQueue``): one call per such file cost a second more of system
/// time over 42 840 files and left the flush as long as before.
struct ExportWriteBack: @unchecked Sendable {  // a C function's address, read only
    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// The system's `sync_file_range`, if it has one.
    private let syncFileRange: SyncFileRange?

    /// Looks the system call up once per writer.
    init() {
        #if os(Linux)
            syncFileRange = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range").map { unsafeBitCast($0, to: SyncFileRange.self) }
        #else
            syncFileRange = nil
        #endif
    }

    /// Starts writing the file's changed bytes to disk (all of them: those already on their way
    /// are skipped). Errors are left to the flush, which reports them.
    func start(_ descriptor: Int32) {
        guard descriptor >= 0, let syncFileRange else { return }
        let write: UInt32 = 2  // SYNC_FILE_RANGE_WRITE
        _ = syncFileRange(descriptor, 0, 0, write)
    }
}
