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
/// The files streamed in chunks (one file of html, W3C, CSV, …; ``ExportOutput/checkpoint()``) go
/// the same way, a chunk at a time: the thread opens such a file with its first chunk, writes each
/// chunk after the one before, starts its disk write (``ExportWriteBack``) and closes the file,
/// while the exporter builds on. Writing hundreds of megabytes into the page cache costs the
/// kernel about as much as building them; on the exporter's thread the builders waited for it.
/// Every file operation happens on this one thread in the order handed over, so the first failure
/// is the one a write on the exporter's thread would have met.
///
/// At most ``pendingLimit`` bytes wait at a time, so memory stays bounded whatever the export. The
/// first failure is kept and later files and chunks are skipped (a file already open is still closed).
///
/// The writing thread is woken once ``wakeBatch`` files wait (or at ``finish()``), not for every
/// file, and the exporter only when it waits for room: handing a file over then costs no system
/// call. Woken for each file, the two threads took about two `futex` calls per file (79 000 for
/// brat's 42 840 files of a million annotations).
final class ExportFileQueue: @unchecked Sendable {
    private struct Job {
        var path: String
        var bytes: [UInt8]
        var kind: Kind
    }

    /// What a job does with its file.
    private enum Kind {
        /// Creates the file holding the bytes.
        case whole
        /// Appends the bytes to streamed file `file` (opened first when it is not yet).
        case chunk(file: Int)
        /// Closes streamed file `file` (if it was opened).
        case close(file: Int)
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
    /// The open streamed files by number (used by the writing thread only).
    private var descriptors: [Int: Int32] = [:]
    /// Starts each chunk's disk write (used by the writing thread only).
    private let writeBack = ExportWriteBack()
    /// Buffers of chunks written, for the exporter to fill again (``spareBuffer()``).
    private var spares: [[UInt8]] = []
    /// Buffers kept for reuse at most.
    static let spareLimit = 4

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "export files"
        self.thread = thread
        thread.start()
    }

    /// Queues the whole file `bytes` for `path` (waits while too much is queued).
    func submit(_ path: String, _ bytes: [UInt8]) {
        submit(Job(path: path, bytes: bytes, kind: .whole))
    }

    /// Queues `bytes` to be appended to the streamed file numbered `file` at `path`, which the
    /// first chunk creates (it must not exist); waits while too much is queued.
    func submitChunk(file: Int, path: String, _ bytes: [UInt8]) {
        submit(Job(path: path, bytes: bytes, kind: .chunk(file: file)))
    }

    /// A buffer of a chunk already written, to be filled again, if there is one.
    func spareBuffer() -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        return spares.popLast()
    }

    /// Queues the closing of the streamed file numbered `file` at `path`.
    func submitClose(file: Int, path: String) {
        submit(Job(path: path, bytes: [], kind: .close(file: file)))
    }

    private func submit(_ job: Job) {
        condition.lock()
        while pendingBytes > Self.pendingLimit && running {
            submitterWaits = true
            // The writer may sleep on fewer than a batch of files: wake it to make room.
            if writerWaits { condition.broadcast() }
            condition.wait()
        }
        submitterWaits = false
        var streamed = true, closes = false
        switch job.kind {
        case .whole: streamed = false
        case .chunk: break
        case .close: closes = true
        }
        // After a failure only closes are still queued (an open file is closed whatever happens).
        if failure == nil || closes {
            jobs.append(job)
            pendingBytes += job.bytes.count
        }
        // A chunk (a megabyte) is written at once; whole files wait for a batch.
        if writerWaits && (streamed || jobs.count - head >= Self.wakeBatch || pendingBytes > Self.pendingLimit) { condition.broadcast() }
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
                // A streamed file begun and never ended is closed all the same.
                for descriptor in descriptors.values { close(descriptor) }
                descriptors = [:]
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
            let problem = perform(job, skippingWrites: skip)
            condition.lock()
            if let problem, failure == nil { failure = problem }
            pendingBytes -= job.bytes.count
            if case .chunk = job.kind, job.bytes.capacity >= ExportOutput.chunk, spares.count < Self.spareLimit { spares.append(job.bytes) }
            if submitterWaits { condition.broadcast() }
        }
    }

    /// Does `job` (on the writing thread); after a failure (`skippingWrites`) only closes files.
    private func perform(_ job: Job, skippingWrites: Bool) -> ExportError? {
        switch job.kind {
        case .whole:
            return skippingWrites ? nil : Self.create(job.path, holding: job.bytes)
        case .chunk(let file):
            guard !skippingWrites, !job.bytes.isEmpty else { return nil }
            var descriptor = descriptors[file] ?? -1
            if descriptor < 0 {
                descriptor = open(job.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                guard descriptor >= 0 else { return .cannotWrite(path: job.path, reason: String(cString: strerror(errno))) }
                descriptors[file] = descriptor
            }
            guard job.bytes.withUnsafeBytes({ ExportOutput.writeAll($0, to: descriptor) }) else {
                return .cannotWrite(path: job.path, reason: String(cString: strerror(errno)))
            }
            writeBack.start(descriptor)
            return nil
        case .close(let file):
            guard let descriptor = descriptors.removeValue(forKey: file) else { return nil }
            let closed = close(descriptor) == 0
            return closed || skippingWrites ? nil : .cannotWrite(path: job.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Creates the file at `path` (it must not exist) holding `bytes`.
    private static func create(_ path: String, holding bytes: [UInt8]) -> ExportError? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        let written = bytes.withUnsafeBytes { ExportOutput.writeAll($0, to: descriptor) }
        let reason = written ? nil : String(cString: strerror(errno))
        if close(descriptor) != 0 && written { return .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        return reason.map { .cannotWrite(path: path, reason: $0) }
    }
}
