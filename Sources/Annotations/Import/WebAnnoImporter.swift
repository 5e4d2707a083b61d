import Foundation

/// Reads WebAnno TSV 3.3 (and 3.2) files of the Attribution layers, as ``WebAnnoExporter`` writes
/// them and as INCEpTION exports them, into a new session: span layer `webanno.custom.Attribution`
/// (features `role` — speaker, cue, claim —, optionally `annotation`, our id, and `speaker`, the
/// speaker id) and relation layer `webanno.custom.AttributionLink` (`role` speaker or cue, from
/// claim to mention or cue). Columns are found through the `#T_SP`/`#T_CH`/`#T_RL` header, so other
/// layers and a different feature order are fine; their columns are skipped.
///
/// Offsets are UTF-16 code units over the document, converted to Unicode scalars; each token's
/// text must be the corpus text at its offsets — or, for a file INCEpTION made on a text with a
/// byte-order mark, CRLF or decomposed umlauts, every token's text the text of the document's
/// corpus file at its offsets (``WebAnnoText``, ``RawOffsetMap``). Stacked annotations (`a[1]|b[2]`), multi-token ones
/// (`[n]` on every token), single-token ones without a number, sub-token rows (`1-3.1`) and relations
/// with or without `[governor_dependent]` numbers are read. Pieces with one `annotation` value are one
/// (discontinuous) span; spans made in INCEpTION (no `annotation` value) get new ids. Speakers named
/// only by id take the text of their first mention as their name (TSV has no place for names).
///
/// Wrong headers, column counts, offsets outside the text or not on a character boundary, tokens
/// that do not match the text, unknown roles, relations that point nowhere and a file cut short
/// (it ends inside its last sentence: ``WebAnnoTruncation``) are reported with file and line, and
/// nothing is imported.
public struct WebAnnoImporter: Sendable {
    /// Creates an importer.
    public init() {}

    static let spanLayer = "webanno.custom.Attribution"
    static let relationLayer = "webanno.custom.AttributionLink"

    /// One annotation unit of a file (one `[n]`, or an unnumbered single-token annotation).
    private struct Unit {
        var kind: ExportSpan.Kind
        var annotation: String?
        var speaker: String?
        var start: Int
        var end: Int
        var line: Int
        var mentions: [String] = []  // unit keys of the speaker mentions (relations), in order
        var addressees: [String] = []  // unit keys of the addressee mentions (relations)
        var cue: String?
    }

    /// `segments` with neighbours joined where only whitespace holding a sentence end lies between
    /// them: a span running over a sentence end is written as one piece per sentence (WebAnno
    /// annotations lie in one sentence), and is one segment again, as brat's fragments cut at line
    /// breaks are.
    static func joinedAcrossSentences(_ segments: [SpanSegment], in document: SegmentedDocument?) -> [SpanSegment] {
        guard segments.count > 1, let document else { return segments }
        let sentences = document.sentences
        var scalars: [Unicode.Scalar]?
        var result = [segments[0]]
        for segment in segments.dropFirst() {
            let gap = result[result.count - 1].end..<segment.start
            let crossesSentenceEnd = sentences.contains { $0.end >= gap.lowerBound && $0.end <= gap.upperBound && $0.end > 0 }
            if crossesSentenceEnd {
                if scalars == nil { scalars = Array(document.document.text.unicodeScalars) }
                if let text = scalars, gap.upperBound <= text.count, text[gap].allSatisfy(\.properties.isWhitespace) {
                    result[result.count - 1].end = segment.end
                    continue
                }
            }
            result.append(segment)
        }
        return result
    }

    /// How a WebAnno TSV 3 file begins.
    static let formatLine = "#FORMAT=WebAnno TSV 3"
    /// The problem of a file that does not begin so.
    static let notWebAnno = "not WebAnno TSV 3 (the first line should be #FORMAT=WebAnno TSV 3.3)"

    /// True when the file at `path` begins as WebAnno TSV 3 does (after a byte-order mark).
    static func isWebAnnoTSV(_ path: String) -> Bool {
        // Only a regular file is opened: opening a pipe would wait for a writer.
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var head = [UInt8]((try? handle.read(upToCount: 64)) ?? Data())
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        return head.starts(with: Array(formatLine.utf8))
    }

    /// The `.tsv` files `paths` stand for (folders: their `.tsv` files in file-name order).
    func files(_ paths: [String]) throws(ExportError) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .unreadable(path: path, reason: "no such file or folder") }
            guard isDirectory.boolValue else { result.append(path); continue }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            guard !names.isEmpty else { throw .unreadable(path: path, reason: "the folder holds no .tsv files") }
            result += names.map { (path as NSString).appendingPathComponent($0) }
        }
        return result
    }

    /// Imports `paths` (files or folders of `<document id>.tsv`) over `corpus`.
    public func load(paths: [String], corpus: SegmentedCorpus, annotator: String?, time: String) throws(ExportError) -> Session {
        let files = try files(paths)
        var problems: [ImportProblem] = []
        var parsed: [(path: String, document: String, units: [String: Unit], order: [String])] = []
        let documentIDs = corpus.documentIDs(fileNames: files.map { ((($0 as NSString).lastPathComponent) as NSString).deletingPathExtension })
        for path in files {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            guard let document = documentIDs[name].flatMap({ corpus.document(id: $0) }) else {
                // A file that is no WebAnno TSV at all (another format given to the wrong import, a
                // brat export's notes.tsv) is named as such, not as a document the corpus lacks.
                if FileKind(at: path).isSpecial {
                    // A named pipe or device among the .tsv files (it read as no WebAnno TSV).
                    problems.append(ImportProblem(path: path, line: 0, reason: ImportedFile.unreadableReason(path)))
                } else if Self.isWebAnnoTSV(path) {
                    problems.append(ImportProblem(path: path, line: 0, reason: "no corpus document '\(name)'; pass --corpus with the corpus the annotations were made on"))
                } else {
                    problems.append(ImportProblem(path: path, line: 1, reason: Self.notWebAnno))
                }
                continue
            }
            if let file = parse(path: path, document: document.document, problems: &problems) {
                parsed.append((path, document.document.id, file.units, file.order))
            }
        }
        var builder = ImportBuilder(corpus: corpus, annotator: annotator ?? "webanno", schema: .standard, time: time)
        builder.problems = problems
        let imported = Origin(kind: .imported)
        // Ids written by our exporter are kept when they fit; everything else is numbered after them.
        var taken = Set<String>()
        for file in parsed { for unit in file.units.values { if let id = unit.annotation { taken.insert(id) } } }
        var counters: [Character: Int] = [:]
        func fresh(_ letter: Character) -> String {
            var number = counters[letter, default: 0]
            var id: String
            repeat { number += 1; id = "\(letter)\(number)" } while taken.contains(id)
            counters[letter] = number
            taken.insert(id)
            return id
        }
        var speakerNames: [String: String] = [:]  // speaker id → name (first mention's text)
        var speakerByText: [String: String] = [:]
        func speaker(_ feature: String?, text: String, path: String, line: Int) -> String? {
            if let feature, !feature.isEmpty {
                if builder.session.state.speakers[feature] != nil { return feature }
                let isID = RecordKey.forID(feature) == .speaker(feature)
                let id = isID ? feature : (speakerByText[feature] ?? fresh("S"))
                if builder.session.state.speakers[id] != nil { return id }
                taken.insert(id)
                let name = isID ? (speakerNames[feature] ?? text) : feature
                guard builder.perform(.add(.speaker(Speaker(id: id, name: name, origin: imported))), path: path, line: line) else { return nil }
                if !isID { speakerByText[feature] = id }
                return id
            }
            if let known = speakerByText[text] { return known }
            let id = fresh("S")
            guard builder.perform(.add(.speaker(Speaker(id: id, name: text, origin: imported))), path: path, line: line) else { return nil }
            speakerByText[text] = id
            return id
        }
        let letters: [ExportSpan.Kind: Character] = [.speaker: "M", .cue: "Q", .claim: "C"]
        var resolved: [String: String] = [:]  // "path\tunit key" → id
        for kind in ExportSpan.Kind.allCases {
            for file in parsed {
                // Units with one annotation value form one span.
                var groups: [(key: String, units: [String])] = []
                var index: [String: Int] = [:]
                for key in file.order {
                    guard let unit = file.units[key], unit.kind == kind else { continue }
                    let group = unit.annotation.map { "a:" + $0 } ?? "u:" + key
                    if let at = index[group] { groups[at].units.append(key) } else { index[group] = groups.count; groups.append((group, [key])) }
                }
                for group in groups {
                    let units = group.units.compactMap { file.units[$0] }
                    guard let first = units.first else { continue }
                    let segments = Self.joinedAcrossSentences(
                        AnchorBuilder.normalized(units.map { SpanSegment(start: $0.start, end: $0.end) }), in: builder.corpus.document(id: file.document))
                    guard let anchor = builder.anchor(document: file.document, segments: segments, path: file.path, line: first.line) else { continue }
                    let letter = letters[kind] ?? "M"
                    var id = first.annotation ?? ""
                    if RecordKey.forID(id)?.prefixLetter != letter.asciiValue || builder.session.state.record(RecordKey.forID(id) ?? .mention("")) != nil {
                        id = fresh(letter)
                    }
                    var ok = false
                    switch kind {
                    case .speaker:
                        if let feature = first.speaker, speakerNames[feature] == nil { speakerNames[feature] = anchor.text }
                        guard let speakerID = speaker(first.speaker, text: anchor.text, path: file.path, line: first.line) else { continue }
                        ok = builder.perform(.add(.mention(Mention(id: id, anchor: anchor, speaker: speakerID, origin: imported))), path: file.path, line: first.line)
                    case .cue:
                        ok = builder.perform(.add(.cue(Cue(id: id, anchor: anchor, origin: imported))), path: file.path, line: first.line)
                    case .claim:
                        func resolvedIDs(_ keys: [String]) -> [String] {
                            var result: [String] = []
                            for key in keys { if let id = resolved["\(file.path)\t\(key)"], !result.contains(id) { result.append(id) } }
                            return result
                        }
                        let mentions = resolvedIDs(units.flatMap(\.mentions))
                        let addressees = resolvedIDs(units.flatMap(\.addressees)).filter { !mentions.contains($0) }
                        let cue = units.compactMap(\.cue).first.flatMap { resolved["\(file.path)\t\($0)"] }
                        var speakers = first.speaker.flatMap { speaker($0, text: $0, path: file.path, line: first.line) }.map { [$0] } ?? []
                        for mention in mentions {
                            if let id = builder.session.state.mentions[mention]?.speaker, !speakers.contains(id) { speakers.append(id) }
                        }
                        ok = builder.perform(.add(.claim(Claim(
                            id: id, anchor: anchor, speakers: speakers, mentions: mentions, addressees: addressees, cue: cue, origin: imported))),
                            path: file.path, line: first.line)
                    }
                    if ok { for key in group.units { resolved["\(file.path)\t\(key)"] = id } }
                }
            }
        }
        return try builder.finish(source: paths.joined(separator: ", "))
    }

    /// The units of one file, in the order first seen; nil when the file cannot be read at all.
    private func parse(path: String, document: Document, problems: inout [ImportProblem]) -> (units: [String: Unit], order: [String])? {
        func report(_ line: Int, _ reason: String) { problems.append(ImportProblem(path: path, line: line, reason: reason)) }
        let problemsBefore = problems.count
        guard let data = FileManager.default.contents(atPath: path) else { report(0, ImportedFile.unreadableReason(path)); return nil }
        if let encoding = OtherUnicodeEncoding.of([UInt8](data)) { report(0, encoding.reason); return nil }
        let lines: ImportLines
        switch ImportLines.split([UInt8](data)) {
        case .success(let split): lines = split
        case .failure(let invalid): report(invalid.line, "not UTF-8 text"); return nil
        }
        guard let first = lines.lines.first, first.text.hasPrefix(Self.formatLine) else {
            report(1, Self.notWebAnno)
            return nil
        }
        // Column layout from the header: 3 fixed columns, then each layer's.
        var column = 3
        var roleColumn: Int?, annotationColumn: Int?, speakerColumn: Int?, linkRoleColumn: Int?, linkTargetColumn: Int?
        for (number, text) in lines.lines where text.hasPrefix("#T_") {
            let parts = text.dropFirst(6).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let layer = parts.first ?? "", features = Array(parts.dropFirst())
            switch text.prefix(6) {
            case "#T_SP=":
                if layer == Self.spanLayer {
                    for (offset, feature) in features.enumerated() {
                        switch feature {
                        case "role": roleColumn = column + offset
                        case "annotation": annotationColumn = column + offset
                        case "speaker": speakerColumn = column + offset
                        default: break
                        }
                    }
                }
                column += max(features.count, 1)
            case "#T_CH=":
                column += 2
            case "#T_RL=":
                if layer == Self.relationLayer {
                    linkRoleColumn = features.firstIndex(of: "role").map { column + $0 }
                    linkTargetColumn = column + features.count - 1
                }
                column += max(features.count, 1)
            default:
                report(number, "unknown header line '\(text.prefix(40))' (expected #T_SP=, #T_CH= or #T_RL=)")
                return nil
            }
        }
        guard let roleColumn else {
            report(0, "no \(Self.spanLayer) layer with a role feature in the header; export the Attribution layer from INCEpTION")
            return nil
        }
        let columns = column
        // The text the file's offsets count: the normalised document text, or, when a token does
        // not fit it, the document's file as another tool read it (a byte-order mark, CRLF,
        // decomposed umlauts) if every token fits that.
        let tokenRows = lines.lines.filter { !$0.text.isEmpty && !$0.text.hasPrefix("#") }
        /// Whether every token row (of the right width) has its text at its offsets in `candidate`.
        func fits(_ candidate: WebAnnoText) -> Bool {
            tokenRows.allSatisfy { row in
                let fields = row.text.split(separator: "\t", omittingEmptySubsequences: false)
                return fields.count != columns || candidate.place(fields[1], token: Self.unescaped(String(fields[2]))) != nil
            }
        }
        var text = WebAnnoText(normalized: document.text)
        if !fits(text), let raw = RawOffsetMap.rawText(of: document),
            let fitting = RawOffsetMap.candidates(raw: raw, normalized: document.text).map(WebAnnoText.init(raw:)).first(where: fits)
        {
            text = fitting
        }
        var units: [String: Unit] = [:]
        var order: [String] = []
        var rows: [String: (line: Int, keys: [String])] = [:]  // token address → units starting or lying there
        var links: [(line: Int, role: String, governor: String, dependent: String?, rowKeys: [String])] = []
        var lastTokenEnd = 0  // in UTF-16 units of `text`
        for (number, line) in tokenRows {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == columns else {
                report(number, "expected \(columns) tab-separated columns (as the header says), found \(fields.count)")
                continue
            }
            let token = Self.unescaped(fields[2])
            guard let (start, stop) = text.place(fields[1][...], token: token) else {
                report(number, text.problem(fields[1], token: token))
                continue
            }
            if let offsets = WebAnnoText.numbers(fields[1][...]) { lastTokenEnd = max(lastTokenEnd, offsets.end) }
            let roles = Self.items(fields[roleColumn])
            let annotations = annotationColumn.map { Self.items(fields[$0]) } ?? []
            let speakers = speakerColumn.map { Self.items(fields[$0]) } ?? []
            var keys: [String] = []
            for (position, item) in roles.enumerated() {
                guard let kind = ExportSpan.Kind(name: item.value), item.value != "mention" else {
                    report(number, "unknown role '\(item.value)' (expected speaker, cue or claim)")
                    continue
                }
                let key = item.number.map { "#\($0)" } ?? "\(fields[0])/\(position)"
                keys.append(key)
                if var unit = units[key] {
                    unit.start = min(unit.start, start)
                    unit.end = max(unit.end, stop)
                    units[key] = unit
                } else {
                    let annotation = position < annotations.count ? annotations[position].value : nil
                    let speaker = position < speakers.count ? speakers[position].value : nil
                    units[key] = Unit(
                        kind: kind, annotation: annotation.flatMap { $0.isEmpty ? nil : $0 }, speaker: speaker.flatMap { $0.isEmpty ? nil : $0 },
                        start: start, end: stop, line: number)
                    order.append(key)
                }
            }
            rows[fields[0]] = (number, keys)
            if let linkRoleColumn, let linkTargetColumn {
                let roles = Self.items(fields[linkRoleColumn]), targets = fields[linkTargetColumn] == "_" ? [] : fields[linkTargetColumn].split(separator: "|").map(String.init)
                guard roles.count == targets.count else {
                    report(number, "the relation columns list \(roles.count) roles and \(targets.count) governors")
                    continue
                }
                for (role, target) in zip(roles, targets) {
                    guard ["speaker", "addressee", "cue"].contains(role.value) else {
                        report(number, "unknown relation role '\(role.value)' (expected speaker, addressee or cue)")
                        continue
                    }
                    links.append((number, role.value, target, nil, keys))
                }
            }
        }
        for link in links {
            // "2-5[4_7]": governor unit 4, dependent unit 7 (0: the unnumbered one on that token); "2-5": unnumbered ones.
            var address = link.governor, governorNumber = 0, dependentNumber = 0
            if let open = link.governor.firstIndex(of: "["), link.governor.hasSuffix("]") {
                address = String(link.governor[..<open])
                let numbers = link.governor[link.governor.index(after: open)..<link.governor.index(before: link.governor.endIndex)].split(separator: "_").map { Int($0) ?? -1 }
                guard numbers.count == 2, numbers[0] >= 0, numbers[1] >= 0 else {
                    report(link.line, "relation governor '\(link.governor)' should look like 2-5 or 2-5[4_7]")
                    continue
                }
                governorNumber = numbers[0]
                dependentNumber = numbers[1]
            }
            func unnumbered(_ keys: [String]) -> String? {
                let candidates = keys.filter { !$0.hasPrefix("#") }
                return candidates.count == 1 ? candidates[0] : nil
            }
            let governor = governorNumber > 0 ? "#\(governorNumber)" : rows[address].flatMap { unnumbered($0.keys) }
            let dependent = dependentNumber > 0 ? "#\(dependentNumber)" : unnumbered(link.rowKeys)
            guard let governor, let dependent, let claim = units[governor], let other = units[dependent] else {
                report(link.line, "relation to \(link.governor) points at no single Attribution annotation")
                continue
            }
            let wanted: ExportSpan.Kind = link.role == "cue" ? .cue : .speaker
            guard claim.kind == .claim, other.kind == wanted else {
                report(link.line, "a \(link.role) relation must go from a claim to a \(wanted.role), not from a \(claim.kind.role) to a \(other.kind.role)")
                continue
            }
            switch link.role {
            case "speaker": if units[governor]?.mentions.contains(dependent) == false { units[governor]?.mentions.append(dependent) }
            case "addressee": if units[governor]?.addressees.contains(dependent) == false { units[governor]?.addressees.append(dependent) }
            default: units[governor]?.cue = dependent
            }
        }
        // A file cut short after a whole row: named first, before what the cut made of the rows
        // left (a relation to a token after the cut points nowhere).
        if let (line, reason) = WebAnnoTruncation.problem(in: lines.lines, endsInLineBreak: lines.endsInLineBreak) {
            problems.insert(ImportProblem(path: path, line: line, reason: reason), at: problemsBefore)
            return nil
        }
        if let reason = WebAnnoTruncation.problem(lastTokenEnd: lastTokenEnd, text: text) {
            problems.insert(ImportProblem(path: path, line: lines.lines.last?.number ?? 0, reason: reason), at: problemsBefore)
            return nil
        }
        return (units, order)
    }

    /// The stacked values of a column (`a[1]|b[2]`, `_` none, `*` an empty value), unescaped.
    static func items(_ field: String) -> [(value: String, number: Int?)] {
        guard field != "_" else { return [] }
        var result: [(String, Int?)] = []
        var current = "", escaped = false
        func finish() {
            var value = current, number: Int?
            if value.hasSuffix("]"), let open = value.lastIndex(of: "["), let parsed = Int(value[value.index(after: open)..<value.index(before: value.endIndex)]) {
                number = parsed
                value = String(value[..<open])
            }
            result.append((value == "*" ? "" : unescaped(value), number))
            current = ""
        }
        for character in field {
            if escaped { current.append("\\"); current.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "|" { finish(); continue }
            current.append(character)
        }
        finish()
        return result
    }

    /// Text with WebAnno's backslash escapes undone (`\\t`, `\\n`, `\\r`, and `\\` before any other character).
    static func unescaped(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var out = "", escaped = false
        for character in text {
            if escaped {
                switch character {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
