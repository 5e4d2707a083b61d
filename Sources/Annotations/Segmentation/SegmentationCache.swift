import Foundation

/// Sentence boundaries of documents kept on disk between runs, so a large corpus opens without
/// segmenting it again.
///
/// One pack file per corpus (its name is a hash of the corpus paths) in ``folder``; inside, one
/// entry per document, keyed by the document's fingerprint (SHA-256 of its normalised text) under
/// a header naming the segmenter version. Nothing is trusted without checking: a pack of another
/// format or segmenter version is ignored as a whole, an entry whose checksum does not match, whose
/// fingerprint is not the document's, or whose ranges do not fit the text is ignored, and those
/// documents are segmented again. When anything was segmented, the pack is rewritten (temporary
/// file, then rename), so a corrupt or stale pack heals itself. Deleting the folder is always safe.
///
/// Tokens are not stored: each sentence makes its tokens on first use (see ``Sentence/tokens``).
public struct SegmentationCache: Sendable {
    /// The folder holding the packs.
    public var folder: String

    /// A cache in `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// The cache folder for this user: `$WORKBENCH_CACHE_DIR` if set (empty: no cache), else
    /// `$XDG_CACHE_HOME/workbench`, else `~/.cache/workbench`; `segmentation/` inside it.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> SegmentationCache? {
        let base: String
        if let explicit = environment["WORKBENCH_CACHE_DIR"] {
            guard !explicit.isEmpty else { return nil }
            base = explicit
        } else if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg + "/workbench"
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.cache/workbench"
        } else {
            return nil
        }
        return SegmentationCache(folder: base + "/segmentation")
    }

    /// What a run of ``segment(_:progress:)`` found.
    public struct Outcome: Sendable, Equatable {
        /// Documents taken from the cache.
        public var reused: Int
        /// Documents segmented (not in the cache, or the entry failed a check).
        public var segmented: Int
        /// Whether the pack was (re)written.
        public var wrote: Bool
    }

    /// Segments `corpus`, taking sentence boundaries from the cache where an entry passes every
    /// check; `progress` is told the documents done. Cache trouble never fails: it only costs time.
    public func segment(_ corpus: Corpus, progress: ((Int) -> Void)? = nil) -> (SegmentedCorpus, Outcome) {
        let path = packPath(for: corpus.paths)
        let stored = FileManager.default.contents(atPath: path).map { Self.decode([UInt8]($0)) } ?? [:]
        let segmenter = SentenceSegmenter()
        let count = corpus.documents.count
        // Documents are independent: check or segment them on every core, a batch at a time so
        // that progress is told from this thread.
        // Each slot is initialized by exactly one worker and the documents are then moved (not
        // copied) into the corpus: copying 40 000 documents' fields was a retain each on this thread.
        let documentSlots = UnsafeMutablePointer<SegmentedDocument>.allocate(capacity: max(count, 1))
        let rangeSlots = UnsafeMutablePointer<[Range<Int>]>.allocate(capacity: max(count, 1))
        let reusedSlots = UnsafeMutablePointer<Bool>.allocate(capacity: max(count, 1))
        defer {
            documentSlots.deallocate()
            rangeSlots.deallocate()
            reusedSlots.deallocate()
        }
        let slots = DocumentSlots(documents: documentSlots, ranges: rangeSlots, reused: reusedSlots)
        let batch = 2048, chunk = 64
        var done = 0
        while done < count {
            let upper = min(count, done + batch)
            let first = done
            DispatchQueue.concurrentPerform(iterations: (upper - first + chunk - 1) / chunk) { part in
                for index in (first + part * chunk)..<min(upper, first + (part + 1) * chunk) {
                    let document = corpus.documents[index]
                    if let cached = stored[document.fingerprint], Self.fits(cached, document) {
                        slots.set(index, SegmentedDocument(document, sentenceRanges: cached), cached, reused: true)
                    } else {
                        let ranges = segmenter.sentenceRanges(in: document.text)
                        slots.set(index, SegmentedDocument(document, sentenceRanges: ranges), ranges, reused: false)
                    }
                }
            }
            done = upper
            progress?(done)
        }
        let documents = slots.moveDocuments(count: count)
        let ranges = slots.moveRanges(count: count)
        let reused = UnsafeBufferPointer(start: reusedSlots, count: count).reduce(0) { $0 + ($1 ? 1 : 0) }
        var outcome = Outcome(reused: reused, segmented: count - reused, wrote: false)
        let entries = zip(corpus.documents, ranges).map { (fingerprint: $0.fingerprint, ranges: $1) }
        if outcome.segmented > 0 || stored.count != Set(entries.map(\.fingerprint)).count {
            outcome.wrote = write(Self.encode(entries), to: path)
        }
        return (SegmentedCorpus(corpus, documents: documents), outcome)
    }

    /// The pack file for a corpus given by `paths` (made absolute, so the same corpus opened from
    /// another folder finds the same pack).
    public func packPath(for paths: [String]) -> String {
        let current = FileManager.default.currentDirectoryPath
        let absolute = paths.map { path in
            (path.hasPrefix("/") ? path : current + "/" + path) as NSString
        }.map { $0.standardizingPath }
        let name = String(Fingerprint.sha256Hex(absolute.joined(separator: "\n")).prefix(24))
        return folder + "/" + name + ".segments"
    }

    // MARK: Format

    /// First bytes of a pack: name and format version.
    static let magic = Array("workbench-segments 1\n".utf8)

    /// `ranges` are ordered, do not overlap and end inside the document's text.
    static func fits(_ ranges: [Range<Int>], _ document: Document) -> Bool {
        var previous = 0
        for range in ranges {
            guard range.lowerBound >= previous, range.upperBound > range.lowerBound else { return false }
            previous = range.upperBound
        }
        return previous <= scalarCount(of: document.text)
    }

    /// The number of scalars of `text`, counted on its UTF-8 bytes (every byte but 10xxxxxx starts one).
    static func scalarCount(of text: String) -> Int {
        let count: (UnsafeBufferPointer<UInt8>) -> Int = { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            // Continuation bytes (10xxxxxx), eight at a time: bit 7 set and bit 6 clear.
            var continuations = 0, position = 0
            while position + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
                continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                position += 8
            }
            while position < bytes.count {
                if bytes[position] & 0xC0 == 0x80 { continuations += 1 }
                position += 1
            }
            return bytes.count - continuations
        }
        return text.utf8.withContiguousStorageIfAvailable(count) ?? text.unicodeScalars.count
    }

    /// Per-document results written from several threads: each slot is initialized by one worker,
    /// once, and all are moved out after the workers are done.
    private struct DocumentSlots: @unchecked Sendable {
        let documents: UnsafeMutablePointer<SegmentedDocument>
        let ranges: UnsafeMutablePointer<[Range<Int>]>
        let reused: UnsafeMutablePointer<Bool>

        func set(_ index: Int, _ document: SegmentedDocument, _ range: [Range<Int>], reused flag: Bool) {
            (documents + index).initialize(to: document)
            (ranges + index).initialize(to: range)
            (reused + index).initialize(to: flag)
        }

        /// The documents, moved out (the slots are left uninitialized).
        func moveDocuments(count: Int) -> [SegmentedDocument] {
            [SegmentedDocument](unsafeUninitializedCapacity: count) { buffer, initialized in
                guard let target = buffer.baseAddress else { return }
                target.moveInitialize(from: documents, count: count)
                initialized = count
            }
        }

        /// The ranges, moved out (the slots are left uninitialized).
        func moveRanges(count: Int) -> [[Range<Int>]] {
            [[Range<Int>]](unsafeUninitializedCapacity: count) { buffer, initialized in
                guard let target = buffer.baseAddress else { return }
                target.moveInitialize(from: ranges, count: count)
                initialized = count
            }
        }
    }

    /// A pack: magic, segmenter version (length-prefixed), entry count, then per entry the
    /// fingerprint (64 hex bytes), the number of sentences, the ranges (UInt32 pairs) and an FNV-1a
    /// checksum of the entry's bytes. Integers are little-endian UInt32, the checksum UInt64.
    static func encode(_ entries: [(fingerprint: String, ranges: [Range<Int>])]) -> [UInt8] {
        var bytes = magic
        let version = Array(SentenceSegmenter.version.utf8)
        append(UInt32(version.count), to: &bytes)
        bytes += version
        append(UInt32(entries.count), to: &bytes)
        for entry in entries {
            let start = bytes.count
            let fingerprint = Array(entry.fingerprint.utf8)
            guard fingerprint.count == 64 else { return [] }
            bytes += fingerprint
            append(UInt32(entry.ranges.count), to: &bytes)
            for range in entry.ranges {
                guard let lower = UInt32(exactly: range.lowerBound), let upper = UInt32(exactly: range.upperBound) else { return [] }
                append(lower, to: &bytes)
                append(upper, to: &bytes)
            }
            let checksum = fnv1a(bytes[start...])
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: checksum >> UInt64(shift))) }
        }
        return bytes
    }

    /// The entries of a pack that pass their checks, by fingerprint; nothing for a pack of another
    /// format or segmenter version, and only the entries before the first damaged one.
    static func decode(_ bytes: [UInt8]) -> [String: [Range<Int>]] {
        var result: [String: [Range<Int>]] = [:]
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else { return result }
        var reader = Reader(bytes: bytes, position: magic.count)
        guard let versionLength = reader.uint32(), let version = reader.take(Int(versionLength)),
            version.elementsEqual(SentenceSegmenter.version.utf8), let count = reader.uint32()
        else { return result }
        for _ in 0..<count {
            let start = reader.position
            guard let fingerprint = reader.take(64), let sentences = reader.uint32(),
                Int(sentences) <= (bytes.count - reader.position) / 8
            else { break }
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(Int(sentences))
            var broken = false
            for _ in 0..<sentences {
                guard let lower = reader.uint32(), let upper = reader.uint32(), lower <= upper else {
                    broken = true
                    break
                }
                ranges.append(Int(lower)..<Int(upper))
            }
            let end = reader.position
            guard !broken, let stored = reader.uint64(), stored == fnv1a(bytes[start..<end]) else { break }
            result[String(decoding: fingerprint, as: UTF8.self)] = ranges
        }
        return result
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    private struct Reader {
        let bytes: [UInt8]
        var position: Int

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, bytes.count - position >= count else { return nil }
            defer { position += count }
            return bytes[position..<position + count]
        }

        mutating func uint32() -> UInt32? {
            guard let slice = take(4) else { return nil }
            return slice.reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }

        mutating func uint64() -> UInt64? {
            guard let slice = take(8) else { return nil }
            return slice.reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
    }

    /// Writes `bytes` to `path` through a temporary file and a rename; false on any failure.
    private func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard !bytes.isEmpty else { return false }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = path + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else { return false }
            guard rename(temporary, path) == 0 else {
                try? FileManager.default.removeItem(atPath: temporary)
                return false
            }
            return true
        } catch {
            return false
        }
    }
}
