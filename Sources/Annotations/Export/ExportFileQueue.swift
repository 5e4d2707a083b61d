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
/// Files streamed in chunks (JSONL's, CoNLL-U's and IOB's large files) are written here too, to the
/// descriptor the output opened: the kernel's copy of their bytes then overlaps the building of
/// the next documents instead of following it. One thread writes the jobs in the order given, so
/// every file's bytes are those of a loop writing them in place.
///
/// At most ``pendingLimit`` bytes wait at a time, so memory stays bounded whatever the export. The
/// first failure is kept and later files are skipped (their descriptors are still closed).
final class ExportFileQueue: @unchecked Sendable {
    private enum Work {
        /// Create the file (it must not exist) holding the bytes.
        case create
        /// Append the bytes to the open descriptor.
        case append(Int32)
        /// Append the bytes to the open descriptor, then close it.
        case close(Int32)
    }

    private struct Job {
        var path: String
        var bytes: [UInt8]
        var work: Work = .create
    }

    /// Bytes that may wait to be written before ``submit(_:_:)`` waits.
    static let pendingLimit = 32 << 20

    private let condition = NSCondition()
    private var jobs: [Job] = []
    private var head = 0
    private var pendingBytes = 0
    private var closed = false
    private var running = true
    private var failure: ExportError?
    private var thread: Thread?
    /// Written chunks' buffers, emptied, for ``spareBuffer()``.
    private var spares: [[UInt8]] = []

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "export files"
        self.thread = thread
        thread.start()
    }

    /// Queues the whole file `bytes` for `path` (waits while too much is queued).
    func submit(_ path: String, _ bytes: [UInt8]) {
        enqueue(Job(path: path, bytes: bytes))
    }

    /// Queues `bytes` to be appended to the open file `descriptor` (at `path`); with `closing`, the
    /// descriptor is closed after them, even after a failure.
    func append(_ bytes: [UInt8], to descriptor: Int32, path: String, closing: Bool = false) {
        enqueue(Job(path: path, bytes: bytes, work: closing ? .close(descriptor) : .append(descriptor)))
    }

    /// An empty buffer for the next chunk: one already written when there is one, so the chunks'
    /// memory is reused rather than taken anew from the system per chunk.
    func spareBuffer() -> [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        return spares.popLast() ?? []
    }

    private func enqueue(_ job: Job) {
        condition.lock()
        while pendingBytes > Self.pendingLimit && running { condition.wait() }
        let keep: Bool
        if case .close = job.work { keep = true } else { keep = failure == nil }
        if keep {
            jobs.append(job)
            pendingBytes += job.bytes.count
        }
        condition.signal()
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
            while head == jobs.count && !closed { condition.wait() }
            if head == jobs.count {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            var job = jobs[head]
            jobs[head].bytes = []
            head += 1
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            let skip = failure != nil
            condition.unlock()
            let problem = Self.perform(job, skip: skip)
            condition.lock()
            if let problem, failure == nil { failure = problem }
            pendingBytes -= job.bytes.count
            if case .create = job.work {} else if spares.count < 4 {
                job.bytes.removeAll(keepingCapacity: true)
                spares.append(job.bytes)
            }
            condition.broadcast()
        }
    }

    /// Does `job` (after a failure, `skip` leaves out all but closing); returns its failure.
    private static func perform(_ job: Job, skip: Bool) -> ExportError? {
        switch job.work {
        case .create:
            return skip ? nil : create(job.path, holding: job.bytes)
        case .append(let descriptor):
            return skip ? nil : appendAll(job.bytes, to: descriptor, path: job.path)
        case .close(let descriptor):
            let problem = skip ? nil : appendAll(job.bytes, to: descriptor, path: job.path)
            if close(descriptor) != 0, problem == nil, !skip {
                return .cannotWrite(path: job.path, reason: String(cString: strerror(errno)))
            }
            return problem
        }
    }

    /// Appends `bytes` to the open file `descriptor`.
    private static func appendAll(_ bytes: [UInt8], to descriptor: Int32, path: String) -> ExportError? {
        let written = bytes.withUnsafeBytes { ExportOutput.writeAll($0, to: descriptor) }
        return written ? nil : .cannotWrite(path: path, reason: String(cString: strerror(errno)))
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
