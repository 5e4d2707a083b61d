import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates and writes whole small files on a thread of its own while the exporter builds the next
/// ones: for brat and WebAnno (tens of thousands of files) creating a file costs more kernel time
/// than building it, and the two now overlap on two cores. Files are written under their final
/// name in the export's staging folder, `O_EXCL` as before; nothing changes about when the export
/// is flushed and swapped in (``ExportWriter`` waits for the queue with ``finish()`` first).
///
/// At most ``pendingLimit`` bytes wait at a time, so memory stays bounded whatever the export. The
/// first failure is kept and later files are skipped.
///
/// The writing thread is woken once ``wakeBatch`` files wait (or at ``finish()``), not for every
/// file, and the exporter only when it waits for room: handing a file over then costs no system
/// call. Woken for each file, the two threads took about two `futex` calls per file (79 000 for
/// brat's 42 840 files of a million annotations).
final class ExportFileQueue: @unchecked Sendable {
    private struct Job {
        var path: String
        var bytes: [UInt8]
    }

    /// Bytes that may wait to be written before ``submit(_:_:)`` waits.
    static let pendingLimit = 32 << 20
    /// Files that wait before the writing thread, sleeping on an empty queue, is woken.
    static let wakeBatch = 64

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var head = 0
    private var pendingBytes = 0
    private var closed = false
    private var running = true
    /// True while the writing thread waits for files, or the exporter for room.
    private var writerWaits = false, submitterWaits = false
    private var failure: ExportError?
    private var thread: Thread?

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "export files"
        self.thread = thread
        thread.start()
    }

    /// Queues the whole file `bytes` for `path` (waits while too much is queued).
    func submit(_ path: String, _ bytes: [UInt8]) {
        condition.lock()
        while pendingBytes > Self.pendingLimit && running {
            submitterWaits = true
            // The writer may sleep on fewer than a batch of files: wake it to make room.
            if writerWaits { condition.broadcast() }
            condition.wait()
        }
        submitterWaits = false
        if failure == nil {
            jobs.append(Job(path: path, bytes: bytes))
            pendingBytes += bytes.count
        }
        if writerWaits && (jobs.count - head >= Self.wakeBatch || pendingBytes > Self.pendingLimit) { condition.broadcast() }
        condition.unlock()
    }

    /// Waits until every queued file is written and stops the thread; returns the first failure.
    func finish() -> ExportError? {
        condition.lock()
        closed = true
        condition.broadcast()
        while running { condition.wait() }
        let failure = failure
        condition.unlock()
        return failure
    }

    private func run() {
        condition.lock()
        while true {
            while head == jobs.count && !closed {
                writerWaits = true
                condition.wait()
            }
            writerWaits = false
            if head == jobs.count {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            let job = jobs[head]
            jobs[head].bytes = []
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            let skip = failure != nil
            condition.unlock()
            let problem = skip ? nil : Self.create(job.path, holding: job.bytes)
            condition.lock()
            if let problem, failure == nil { failure = problem }
            pendingBytes -= job.bytes.count
            if submitterWaits { condition.broadcast() }
        }
    }

    /// Creates the file at `path` (it must not exist) holding `bytes`.
    private static func create(_ path: String, holding bytes: [UInt8]) -> ExportError? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        // The one write loop (``FileWriting``), as the session's files and the streamed exports are written.
        let failure = bytes.withUnsafeBytes { FileWriting().writeAll($0, to: descriptor) }
        if close(descriptor) != 0 && failure == nil { return .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        return failure.map { .cannotWrite(path: path, reason: String(cString: strerror($0))) }
    }
}
