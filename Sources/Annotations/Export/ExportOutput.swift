import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an exporter writes its files, as UTF-8 bytes: either kept in memory as ``ExportFile``s or
/// streamed into files under a folder (the writer's staging folder). Exporters call
/// ``begin(_:)``, append bytes, call ``checkpoint()`` now and then (which streams the buffered
/// bytes to the file once there are enough of them) and ``end()``. An exporter writing two files
/// side by side begins both and switches between them with ``select(_:)``.
///
/// Writing errors do not interrupt the exporter: the first one is kept in ``failure`` and later
/// writes are skipped; ``ExportWriter`` reports it.
public struct ExportOutput {
    /// Where the files go.
    enum Destination {
        case memory
        case folder(String)
    }

    /// A begun file that is not the current one.
    private struct Parked {
        var file: ExportStreamedFile?
        var bytes: [UInt8]
        var unopened: String?
    }

    /// Bytes of the current file not yet handed on.
    public var bytes: [UInt8] = []
    /// Paths of the files begun, relative to the destination, in order.
    public private(set) var paths: [String] = []
    /// The first writing error, if any.
    public private(set) var failure: ExportError?

    let destination: Destination
    private let streams: Bool
    private var memoryFiles: [ExportFile?] = []
    private var current = -1
    /// The current file once opened (its first chunk streamed).
    private var file: ExportStreamedFile?
    private var parked: [Int: Parked] = [:]
    /// Folders already made, as the part of a file's path before its last `/`.
    private var madeRelativeFolders: Set<String> = []
    /// The current file's path under the folder, until it is opened: a file that ends
    /// before its first chunk is handed whole to ``queue`` instead.
    private var unopened: String?
    /// Writes whole small files on another thread (folder destination only).
    private let queue: ExportFileQueue?
    /// Starts each streamed chunk's disk write at once (folder destination only).
    private let writeBack: ExportWriteBack?
    /// Streams the buffer to the file once it holds this many bytes.
    private static let chunk = 1 << 20

    /// An output that keeps the files in memory.
    public init() {
        destination = .memory
        streams = false
        queue = nil
        writeBack = nil
    }

    /// An output that writes the files under `folder` (which must exist).
    init(folder: String) {
        destination = .folder(folder)
        streams = true
        queue = ExportFileQueue()
        writeBack = ExportWriteBack()
    }

    /// Waits until every file is on its way to disk (written and closed); a writing failure then
    /// shows in ``failure``. The writer calls it before flushing the folder.
    mutating func finish() {
        if let problem = queue?.finish(), failure == nil { failure = problem }
    }

    /// The files kept in memory (memory destination only), in the order they were begun.
    public var files: [ExportFile] { memoryFiles.compactMap { $0 } }

    /// Starts the file at `path` (relative, `/` separates folders) and makes it the current one;
    /// returns its number for ``select(_:)``.
    @discardableResult
    public mutating func begin(_ path: String) -> Int {
        park()
        current = paths.count
        paths.append(path)
        memoryFiles.append(nil)
        bytes.removeAll(keepingCapacity: true)
        file = nil
        unopened = nil
        guard case .folder(let folder) = destination, failure == nil else { return current }
        let full = folder + "/" + path
        // Files of one folder share everything before their last `/`: the folder is made once.
        let relativeFolder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
        if !madeRelativeFolders.contains(relativeFolder) {
            let parent = (full as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                failure = .cannotWrite(path: parent, reason: error.localizedDescription)
                return current
            }
            madeRelativeFolders.insert(relativeFolder)
        }
        unopened = full
        return current
    }

    /// Opens the current file (once it has a chunk to write).
    private mutating func openCurrent() {
        guard let full = unopened else { return }
        unopened = nil
        file = ExportStreamedFile(creating: full)
        if file == nil { fail(full) }
    }

    /// Makes the begun, unfinished file `file` the current one.
    public mutating func select(_ file: Int) {
        guard file != current, var slot = parked.removeValue(forKey: file) else { return }
        park()
        current = file
        swap(&bytes, &slot.bytes)
        self.file = slot.file
        unopened = slot.unopened
    }

    private mutating func park() {
        guard current >= 0 else { return }
        parked[current] = Parked(file: file, bytes: bytes, unopened: unopened)
        bytes = []
        file = nil
        unopened = nil
        current = -1
    }

    /// Streams the buffered bytes to the file when there are enough of them (no-op in memory).
    @inline(__always)
    public mutating func checkpoint() {
        if streams, bytes.count >= Self.chunk { flush() }
    }

    /// Appends a part made elsewhere (one document's bytes) and streams it on like
    /// ``checkpoint()``. A part is not copied into the buffer where it need not be: once the file
    /// is written past the page cache (its own aligned buffer gathers the bytes, see
    /// ``ExportStreamedFile``), every part goes straight to the file after the bytes buffered
    /// before it; otherwise a part that fills the buffer to a chunk is written straight from its
    /// own storage after the buffer. The file's bytes are the same either way.
    public mutating func appendPart(_ part: [UInt8]) {
        if streams, let file, file.isDirect {
            // The direct file gathers the part itself: a copy into ``bytes`` would be one more
            // pass over every byte of the export on the writing thread.
            flush()
            if !part.isEmpty, !part.withUnsafeBytes({ file.write($0) }), case .folder(let folder) = destination {
                fail(folder + "/" + paths[current])
            }
            return
        }
        guard streams, bytes.count + part.count >= Self.chunk else {
            bytes.append(contentsOf: part)
            checkpoint()
            return
        }
        flush()
        guard let file, !part.isEmpty else { return }
        if !part.withUnsafeBytes({ file.write($0) }), case .folder(let folder) = destination { fail(folder + "/" + paths[current]) }
        startWriteBack()
    }

    /// Finishes the current file.
    public mutating func end() {
        guard current >= 0 else { return }
        switch destination {
        case .memory:
            memoryFiles[current] = ExportFile(path: paths[current], bytes: bytes)
            bytes = []
        case .folder(let folder):
            if let full = unopened, let queue {
                // Never flushed: the whole file goes to the queue.
                unopened = nil
                queue.submit(full, bytes)
                bytes = []
                bytes.reserveCapacity(4096)
                current = -1
                return
            }
            flush()
            if let file {
                self.file = nil
                if !file.close() { fail(folder + "/" + paths[current]) }
            }
        }
        current = -1
    }

    /// Writes a whole file at once.
    public mutating func file(_ path: String, _ contents: String) {
        begin(path)
        append(contents)
        end()
    }

    private mutating func flush() {
        defer { bytes.removeAll(keepingCapacity: true) }
        openCurrent()
        guard let file, !bytes.isEmpty else { return }
        let ok = bytes.withUnsafeBytes { file.write($0) }
        if !ok, case .folder(let folder) = destination { fail(folder + "/" + paths[current]) }
        startWriteBack()
    }

    /// Starts the disk write of the current file's cached bytes (a file written past the cache has none).
    private func startWriteBack() {
        guard let file, !file.isDirect else { return }
        writeBack?.start(file.descriptor)
    }

    private mutating func fail(_ full: String) {
        if failure == nil { failure = .cannotWrite(path: full, reason: String(cString: strerror(errno))) }
        file?.abandon()
        file = nil
    }
}
