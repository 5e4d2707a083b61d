import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates and writes whole small files on threads of its own while the exporter builds the next
/// ones: for brat, WebAnno and spkatt (21 000–43 000 files at a million annotations) creating and
/// writing the files is about two seconds of kernel time, as long as building them. Files are
/// written under their final name in the export's staging folder, `O_EXCL` as before; nothing
/// changes about when the export is flushed and swapped in (``ExportWriter`` waits for the queue
/// with ``finish()`` first). Each file is created, written with one `write(2)` and closed: no
/// temporary name, no `fsync` and no look at existing paths per file.
///
/// ``writers`` threads write. On one thread the kernel's work for brat's 42 846 files (half of
/// it creating the file, half copying its bytes into the page cache) ran one file after another
/// and was the longest thread of the export. Creating files in one folder takes that folder's lock
/// in the kernel, but copying a file's bytes does not: with two threads one copies while the
/// other creates. Files are opened relative to a descriptor of their folder (``ExportFolderDescriptors``),
/// so the kernel does not walk the staging folder's path again for each of them.
///
/// At most ``pendingLimit`` bytes wait at a time, so memory stays bounded whatever the export. The
/// first failure is kept and later files are skipped.
///
/// Files are handed over in batches of ``handOver`` files (or about ``handOverBytes`` bytes): the
/// exporter collects them without a lock and hands each batch over under one, and a writer takes
/// several files per turn of the lock. Handing over each file on its own took about two `futex`
/// calls per file (the exporter and the writer waking each other; 56 000 for brat).
///
/// While the files are written, a thread of the queue flushes the file system (``StagingFolder/flushFileSystem(holding:)``)
/// each time ``flushBytes`` bytes or ``flushFiles`` files more were written, so that the kernel
/// writes them to disk while the export goes on. Left to the one flush before the swap, that
/// writing (allocating the blocks of 42 846 files, their inodes and the journal) came after the
/// last file, with both cores waiting: 0.8–1.1 s for brat on a loaded host, 12 ms with the files
/// flushed along the way (BENCHMARKS.md, "Exports, stop 59"). These flushes change nothing about crash safety: nothing is
/// visible under the output folder before the flush before the swap, which still comes after the
/// last file and reports any failure (an early flush's is left to it).
///
/// ``submit(_:_:)`` and ``finish()`` are called from one thread (the exporter's).
final class ExportFileQueue: @unchecked Sendable {
    private struct Job {
        var path: String
        var bytes: [UInt8]
    }

    /// Bytes that may wait to be written before ``submit(_:_:)`` waits.
    static let pendingLimit = 32 << 20
    /// Files collected before they are handed to the writers.
    static let handOver = 64
    /// Bytes collected before they are handed to the writers, whatever the number of files.
    static let handOverBytes = 1 << 20
    /// Files a writer takes at one turn of the lock, at most.
    static let takeAtOnce = 8
    /// The writing threads.
    static let writers = 2
    /// Bytes, or files, written between two flushes while the export runs.
    static let flushBytes = 32 << 20
    static let flushFiles = 4096

    private let condition = NSCondition()
    /// Files handed over and not yet taken by a writer, from ``head`` on.
    private var jobs: [Job] = []
    private var head = 0
    /// Bytes handed over and not yet written.
    private var pendingBytes = 0
    private var closed = false
    /// Writers still running.
    private var running = 0
    /// Writers waiting for files, and whether the exporter waits for room.
    private var waitingWriters = 0, submitterWaits = false
    private var failure: ExportError?
    /// Bytes and files written since the last flush was asked for.
    private var unflushedBytes = 0, unflushedFiles = 0
    /// A folder whose file system the flushing thread is to flush, and whether it is flushing.
    private var flushRequest: String?, flushing = false
    /// Whether the flushing thread runs.
    private var flusherRuns = true

    /// Files the exporter collected and has not handed over yet (its thread only).
    private var collected: [Job] = []
    private var collectedBytes = 0

    init() {
        running = Self.writers
        for number in 0..<Self.writers {
            let thread = Thread { [self] in run() }
            thread.name = "export files \(number + 1)"
            thread.start()
        }
        let flusher = Thread { [self] in flushWhileWriting() }
        flusher.name = "export flush"
        flusher.start()
    }

    /// Queues the whole file `bytes` for `path` (waits while too much is queued).
    func submit(_ path: String, _ bytes: [UInt8]) {
        collected.append(Job(path: path, bytes: bytes))
        collectedBytes += bytes.count
        if collected.count >= Self.handOver || collectedBytes >= Self.handOverBytes { handOverCollected() }
    }

    /// Hands the collected files to the writers (waits while too much is queued).
    private func handOverCollected() {
        guard !collected.isEmpty else { return }
        condition.lock()
        while pendingBytes > Self.pendingLimit && running > 0 {
            submitterWaits = true
            condition.wait()
        }
        submitterWaits = false
        if failure == nil {
            if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            jobs.append(contentsOf: collected)
            pendingBytes += collectedBytes
        }
        if waitingWriters > 0 { condition.broadcast() }
        condition.unlock()
        collected.removeAll(keepingCapacity: true)
        collectedBytes = 0
    }

    /// Waits until every queued file is written and stops the threads; returns the first failure.
    func finish() -> ExportError? {
        handOverCollected()
        condition.lock()
        closed = true
        condition.broadcast()
        while running > 0 || flusherRuns { condition.wait() }
        let failure = failure
        condition.unlock()
        return failure
    }

    /// One writer: takes files until the queue is closed and empty.
    private func run() {
        var folders = ExportFolderDescriptors()
        defer { folders.closeAll() }
        var taken: [Job] = []
        condition.lock()
        while true {
            while head == jobs.count && !closed {
                waitingWriters += 1
                condition.wait()
                waitingWriters -= 1
            }
            let available = jobs.count - head
            if available == 0 {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            // Half of what waits (the other writer takes the rest), at most ``takeAtOnce``.
            let count = min(Self.takeAtOnce, max(1, (available + 1) / 2))
            for index in head..<(head + count) {
                taken.append(jobs[index])
                jobs[index].bytes = []
            }
            head += count
            let skip = failure != nil
            condition.unlock()
            var problem: ExportError?
            var written = 0
            let lastPath = taken.last?.path
            for job in taken {
                written += job.bytes.count
                if !skip && problem == nil { problem = Self.create(job.path, holding: job.bytes, folders: &folders) }
            }
            taken.removeAll(keepingCapacity: true)
            condition.lock()
            if let problem, failure == nil { failure = problem }
            pendingBytes -= written
            unflushedBytes += written
            unflushedFiles += count
            var wake = submitterWaits
            if (unflushedBytes >= Self.flushBytes || unflushedFiles >= Self.flushFiles) && !flushing && flushRequest == nil, let path = lastPath {
                flushRequest = path
                unflushedBytes = 0
                unflushedFiles = 0
                wake = true
            }
            if wake { condition.broadcast() }
        }
    }

    /// The flushing thread: flushes the file system of a written file whenever the writers ask,
    /// until they stop. A failure is left to the flush before the swap, which reports it.
    private func flushWhileWriting() {
        condition.lock()
        while true {
            while flushRequest == nil && running > 0 { condition.wait() }
            guard running > 0, let path = flushRequest else {
                flusherRuns = false
                condition.broadcast()
                condition.unlock()
                return
            }
            flushRequest = nil
            flushing = true
            condition.unlock()
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 {
                _ = StagingFolder.flushFileSystem(holding: descriptor)
                close(descriptor)
            }
            condition.lock()
            flushing = false
        }
    }

    /// Creates the file at `path` (it must not exist) holding `bytes`.
    private static func create(_ path: String, holding bytes: [UInt8], folders: inout ExportFolderDescriptors) -> ExportError? {
        let descriptor = folders.create(path)
        guard descriptor >= 0 else { return .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        // The one write loop (``FileWriting``), as the session's files and the streamed exports are written.
        let failure = bytes.withUnsafeBytes { FileWriting().writeAll($0, to: descriptor) }
        if close(descriptor) != 0 && failure == nil { return .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        return failure.map { .cannotWrite(path: path, reason: String(cString: strerror($0))) }
    }
}
