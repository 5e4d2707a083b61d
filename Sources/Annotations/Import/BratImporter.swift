import Foundation

/// Reads a brat folder as written by ``BratExporter`` (and plain brat folders that use the same
/// entity types) into a new session: `Speaker`, `Cue` and `Claim` entities, `HasSpeaker`/`HasCue`
/// relations, `Form`/`Negated`/`Hedged`/`Role`/`Annotator` attributes, `Reference` normalisations
/// to speakers, AnnotatorNotes, and `speakers.tsv`, `targets.tsv`, `stances.tsv` when present.
/// Fragments separated only by line breaks are joined again. Entities of other types are ignored.
public struct BratImporter: Sendable {
    /// Creates an importer.
    public init() {}

    private struct Entity {
        var number: String
        var kind: ExportSpan.Kind
        var segments: [SpanSegment]
        var line: Int
        var attributes: [String: String] = [:]
        var flags: Set<String> = []
        var speaker: String?
        var speakerName: String?
        var mention: String?
        var cue: String?
        var notes: [String] = []
    }

    /// Imports `folder` over `corpus`. `only` picks one session when the folder holds several
    /// (`Session` attributes); `annotator` names the new session's annotator.
    public func load(folder: String, corpus: SegmentedCorpus, annotator: String?, only: String? = nil, time: String) throws(ExportError) -> Session {
        var perDocument: [(document: String, path: String, entities: [Entity])] = []
        var sessionLabels = Set<String>()
        var annotators: [String] = []
        for segmented in corpus.documents {
            let name = ExportText.fileName(segmented.document.id)
            let annPath = (folder as NSString).appendingPathComponent(name + ".ann")
            guard FileManager.default.fileExists(atPath: annPath) else { continue }
            let txtPath = (folder as NSString).appendingPathComponent(name + ".txt")
            if let data = FileManager.default.contents(atPath: txtPath) {
                let text = TextNormalization.normalize(String(decoding: data, as: UTF8.self)).text
                if text != segmented.document.text {
                    throw .rejected(path: txtPath, line: 1, reason: "the text differs from corpus document '\(segmented.document.id)'; pass --corpus with the corpus the annotations were made on")
                }
            }
            let entities = try parse(path: annPath, text: segmented.document.text)
            for entity in entities {
                if let label = entity.attributes["Session"] { sessionLabels.insert(label) }
                if let name = entity.attributes["Annotator"], !annotators.contains(name) { annotators.append(name) }
            }
            perDocument.append((segmented.document.id, annPath, entities))
        }
        if perDocument.isEmpty {
            throw .unreadable(path: folder, reason: "no .ann file matches a document of the corpus (expected <document id>.ann)")
        }
        if only == nil, sessionLabels.count > 1 {
            throw .rejected(path: folder, line: 0, reason: "it holds several sessions (\(sessionLabels.sorted().joined(separator: ", "))); choose one with --only LABEL")
        }
        if let only, !sessionLabels.isEmpty, !sessionLabels.contains(only) {
            throw .rejected(path: folder, line: 0, reason: "no session '\(only)'; it holds \(sessionLabels.sorted().joined(separator: ", "))")
        }
        func keep(_ entity: Entity) -> Bool { only == nil || entity.attributes["Session"] == nil || entity.attributes["Session"] == only }
        func keepRow(_ label: String) -> Bool { only == nil || label == only }

        let speakerRows = try table(folder, "speakers.tsv", columns: 6).filter { keepRow($0.fields[0]) }
        let targetRows = try table(folder, "targets.tsv", columns: 4).filter { keepRow($0.fields[0]) }
        let stanceRows = try table(folder, "stances.tsv", columns: 9).filter { keepRow($0.fields[0]) }
        let forms = perDocument.flatMap { $0.entities.compactMap { $0.attributes["Form"] } }
        let schema = ImportBuilder.schema(
            .standard, forms: forms, kinds: speakerRows.map { $0.fields[3] }, stances: stanceRows.map { $0.fields[6] })
        let sessionAnnotator = annotator ?? (speakerRows.first?.fields[5] ?? annotators.first ?? "imported")
        var builder = ImportBuilder(corpus: corpus, annotator: sessionAnnotator, schema: schema, path: folder, time: time)

        // Speakers: from speakers.tsv, then any referenced only in N lines or named only by a mention.
        var speakerIDs = Set<String>()
        var speakerByName: [String: String] = [:]
        for row in speakerRows {
            let aliases = row.fields[4].isEmpty ? [] : row.fields[4].split(separator: "|").map { String($0).replacingOccurrences(of: "¦", with: "|") }
            try builder.perform(.add(.speaker(Speaker(id: row.fields[1], name: row.fields[2], kind: row.fields[3], aliases: aliases, annotator: row.fields[5]))), line: row.line)
            speakerIDs.insert(row.fields[1])
            speakerByName[row.fields[2]] = row.fields[1]
        }
        for (_, path, entities) in perDocument {
            for entity in entities where keep(entity) {
                guard let id = entity.speaker, !speakerIDs.contains(id) else { continue }
                guard RecordKey.forID(id) == .speaker(id) else {
                    throw .rejected(path: path, line: entity.line, reason: "speaker reference '\(id)' is not a speaker id like S1")
                }
                try builder.perform(.add(.speaker(Speaker(id: id, name: entity.speakerName ?? id))), line: entity.line)
                speakerIDs.insert(id)
                speakerByName[entity.speakerName ?? id] = id
            }
        }
        // Spans, numbered in file order per kind.
        var newIDs: [String: [String: String]] = [:]  // document → T number → new id
        var claimRefs: [String: String] = [:]  // "doc:Tn" → claim id
        for kind in ExportSpan.Kind.allCases {
            for (document, path, entities) in perDocument {
                for entity in entities where entity.kind == kind && keep(entity) {
                    let anchor = try builder.anchor(document: document, segments: entity.segments, line: entity.line)
                    let recordAnnotator = entity.attributes["Annotator"] ?? ""
                    switch kind {
                    case .speaker:
                        let id = builder.session.state.nextID("M")
                        var speaker = entity.speaker
                        if speaker == nil {
                            let name = anchor.text
                            if let existing = speakerByName[name] {
                                speaker = existing
                            } else {
                                let newID = builder.session.state.nextID("S")
                                try builder.perform(.add(.speaker(Speaker(id: newID, name: name))), line: entity.line)
                                speakerByName[name] = newID
                                speaker = newID
                            }
                        }
                        try builder.perform(.add(.mention(Mention(id: id, anchor: anchor, speaker: speaker ?? "", role: entity.attributes["Role"], annotator: recordAnnotator))), line: entity.line)
                        newIDs[document, default: [:]][entity.number] = id
                    case .cue:
                        let id = builder.session.state.nextID("Q")
                        try builder.perform(.add(.cue(Cue(id: id, anchor: anchor, annotator: recordAnnotator))), line: entity.line)
                        newIDs[document, default: [:]][entity.number] = id
                    case .claim:
                        let id = builder.session.state.nextID("C")
                        let mention = entity.mention.flatMap { newIDs[document]?[$0] }
                        let cue = entity.cue.flatMap { newIDs[document]?[$0] }
                        try builder.perform(.add(.claim(Claim(
                            id: id, anchor: anchor, speaker: entity.speaker, mention: mention, cue: cue, form: entity.attributes["Form"],
                            negated: entity.flags.contains("Negated"), hedged: entity.flags.contains("Hedged"), annotator: recordAnnotator))),
                            line: entity.line)
                        newIDs[document, default: [:]][entity.number] = id
                        claimRefs["\(document):\(entity.number)"] = id
                    }
                    _ = path
                }
            }
        }
        for row in targetRows {
            try builder.perform(.add(.target(Target(id: row.fields[1], text: row.fields[2], annotator: row.fields[3]))), line: row.line)
        }
        for row in stanceRows {
            let evidence = row.fields[7].split(separator: " ").compactMap { claimRefs[String($0)] }
            try builder.perform(.add(.stance(Stance(
                id: row.fields[1], speaker: row.fields[2], target: row.fields[4], label: row.fields[6], evidence: evidence, annotator: row.fields[8]))),
                line: row.line)
        }
        for (document, _, entities) in perDocument {
            for entity in entities where keep(entity) {
                guard let id = newIDs[document]?[entity.number] else { continue }
                for text in entity.notes {
                    let noteID = builder.session.state.nextID("N")
                    try builder.perform(.add(.note(Note(id: noteID, subject: .annotation(id), text: text, annotator: sessionAnnotator))), line: entity.line)
                }
            }
        }
        return builder.session
    }

    private func parse(path: String, text: String) throws(ExportError) -> [Entity] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "permission denied?") }
        let scalars = Array(text.unicodeScalars)
        var entities: [Entity] = []
        var index: [String: Int] = [:]
        var lineNumber = 0
        for raw in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, let first = fields[0].first else {
                throw .malformed(path: path, line: lineNumber, reason: "expected an id, a tab and an annotation")
            }
            let words = fields[1].split(separator: " ").map(String.init)
            switch first {
            case "T":
                guard fields.count >= 3, let type = words.first else { throw .malformed(path: path, line: lineNumber, reason: "bad entity line") }
                guard let kind = ExportSpan.Kind(name: type) else { continue }
                var segments: [SpanSegment] = []
                for part in fields[1].dropFirst(type.count + 1).split(separator: ";") {
                    let numbers = part.split(separator: " ").compactMap { Int($0) }
                    guard numbers.count == 2, numbers[0] < numbers[1], numbers[1] <= scalars.count else {
                        throw .malformed(path: path, line: lineNumber, reason: "bad offsets '\(part)' (the text has \(scalars.count) characters)")
                    }
                    segments.append(SpanSegment(start: numbers[0], end: numbers[1]))
                }
                segments.sort()
                var merged: [SpanSegment] = []
                for segment in segments {
                    if let last = merged.last, last.end <= segment.start, scalars[last.end..<segment.start].allSatisfy({ $0 == "\n" }) {
                        merged[merged.count - 1].end = segment.end
                    } else {
                        merged.append(segment)
                    }
                }
                index[fields[0]] = entities.count
                entities.append(Entity(number: fields[0], kind: kind, segments: merged, line: lineNumber))
            case "A", "M":
                guard words.count >= 2, let target = index[words[1]] else { continue }
                if words.count >= 3 {
                    entities[target].attributes[words[0]] = ExportText.percentDecoded(words[2])
                } else {
                    entities[target].flags.insert(words[0])
                }
            case "R":
                guard words.count >= 3 else { continue }
                let arg1 = words[1].split(separator: ":").last.map(String.init) ?? ""
                let arg2 = words[2].split(separator: ":").last.map(String.init) ?? ""
                guard let claim = index[arg1] else { continue }
                if words[0] == "HasSpeaker" { entities[claim].mention = arg2 }
                if words[0] == "HasCue" { entities[claim].cue = arg2 }
            case "N":
                guard words.count >= 3, let target = index[words[1]] else { continue }
                let reference = words[2].split(separator: ":", maxSplits: 1)
                guard reference.count == 2, reference[0] == BratExporter.referenceDatabase[...] else { continue }
                entities[target].speaker = String(reference[1])
                entities[target].speakerName = fields.count >= 3 ? fields[2] : nil
            case "#":
                guard words.count >= 2, words[0] == "AnnotatorNotes", let target = index[words[1]], fields.count >= 3 else { continue }
                entities[target].notes.append(fields[2])
            default:
                continue
            }
        }
        return entities
    }

    private func table(_ folder: String, _ name: String, columns: Int) throws(ExportError) -> [(line: Int, fields: [String])] {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var rows: [(Int, [String])] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() where number > 0 && !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == columns else {
                throw .malformed(path: path, line: number + 1, reason: "expected \(columns) tab-separated fields, found \(fields.count)")
            }
            rows.append((number + 1, fields))
        }
        return rows
    }
}
