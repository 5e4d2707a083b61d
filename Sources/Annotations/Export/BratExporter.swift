/// brat standoff, one folder per session (`<session>/`, as brat keeps one annotator per folder):
/// per document `<id>.txt` (the normalised text) and `<id>.ann`; `annotation.conf` and
/// `visual.conf` so the folder opens in brat; `speakers.tsv`, `targets.tsv`, `stances.tsv` and
/// `notes.tsv` for what brat has no place for.
///
/// In the `.ann` files: `T` lines for speaker mentions (`Speaker`), cues and claims (discontinuous
/// spans as `start end;start end`; spans are also cut at line breaks, as brat requires), `R` lines
/// `HasSpeaker` (claim → mention) and `HasCue` (claim → cue), `A` lines for claim form, the
/// `Negated`/`Hedged` flags, the mention `Role` and the `Annotator`, `N` lines linking mentions and claims to the canonical speaker
/// (`Workbench:S1`) and `#` AnnotatorNotes for notes on spans. Offsets count Unicode scalars; lines end in LF.
/// `notes.tsv` lists every note with its id and annotator (``noteColumns``): about a `span` (the
/// `T` id in `document`; its text is also a `#` line), a `sentence` (`document`, 0-based
/// `sentence`), a `speaker`, `target` or `stance` (`id`).
/// Attribute values that are not single words are percent-encoded.
public struct BratExporter: Exporter {
    /// Creates the exporter.
    public init() {}

    public var format: ExportFormat { .brat }

    /// The normalisation database name in `N` lines.
    public static let referenceDatabase = "Workbench"

    /// The header of `notes.tsv`.
    public static let noteColumns = ["session", "note", "about", "id", "document", "sentence", "annotator", "text"]

    public func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        for (session, exportSession) in bundle.sessions.enumerated() {
            let folder = ExportText.fileName(exportSession.label) + "/"
            // Only claims that are a stance's evidence need their reference kept for stances.tsv.
            let evidence = Set(bundle.stances[session].flatMap(\.evidence))
            var claimRefs: [String: String] = [:]  // claim id → "document:T"
            var spanRefs: [String: (document: String, number: Int)] = [:]  // span with notes → its T
            var numbers: [Int] = []
            for (documentIndex, document) in bundle.documents.enumerated() {
                let name = ExportText.fileName(document.document.id)
                out.begin(folder + name + ".txt")
                out.bytes.append(contentsOf: bundle.bytes[documentIndex])
                out.end()
                out.begin(folder + name + ".ann")
                annotations(bundle, documentIndex, session: session, evidence: evidence, claimRefs: &claimRefs, spanRefs: &spanRefs, numbers: &numbers, to: &out)
                out.end()
            }
            out.file(folder + "annotation.conf", annotationConf(bundle, session: session))
            out.file(folder + "visual.conf", Self.visualConf)
            out.file(folder + "speakers.tsv", speakersTSV(bundle, session: session))
            out.file(folder + "targets.tsv", targetsTSV(bundle, session: session))
            out.file(folder + "stances.tsv", stancesTSV(bundle, session: session, claimRefs: claimRefs))
            out.file(folder + "notes.tsv", notesTSV(bundle, session: session, spanRefs: spanRefs))
        }
    }

    /// brat fragments of a span: its segments, cut at line breaks.
    static func fragments(_ span: ExportSpan, table: OffsetTable) -> [SpanSegment] {
        var result: [SpanSegment] = []
        for segment in span.segments {
            var start = segment.start
            for offset in segment.start..<segment.end where table.scalars[offset] == "\n" {
                if offset > start { result.append(SpanSegment(start: start, end: offset)) }
                start = offset + 1
            }
            if segment.end > start { result.append(SpanSegment(start: start, end: segment.end)) }
        }
        return result
    }

    /// The `.ann` file of one document and session. `numbers` is scratch space: the `T` number of
    /// each of the document's spans (0: not written).
    private func annotations(
        _ bundle: ExportBundle, _ documentIndex: Int, session: Int, evidence: Set<String>, claimRefs: inout [String: String],
        spanRefs: inout [String: (document: String, number: Int)], numbers: inout [Int], to out: inout ExportOutput
    ) {
        let spans = bundle.spans[documentIndex]
        let table = bundle.tables[documentIndex]
        let documentID = bundle.documents[documentIndex].document.id
        numbers.removeAll(keepingCapacity: true)
        numbers.append(contentsOf: repeatElement(0, count: spans.count))
        /// The `T` number of a span of this session written in this document.
        func written(_ id: String) -> Int? {
            guard let location = bundle.location(session: session, id: id), location.document == documentIndex else { return nil }
            let number = numbers[location.index]
            return number > 0 ? number : nil
        }
        var number = 0
        for (index, span) in spans.enumerated() where span.session == session {
            let fragments = Self.fragments(span, table: table)
            guard !fragments.isEmpty else { continue }
            number += 1
            numbers[index] = number
            out.append(byte: UInt8(ascii: "T"))
            out.append(number)
            out.append(byte: 0x09)
            out.append(span.kind.label)
            out.append(byte: 0x20)
            for (index, fragment) in fragments.enumerated() {
                if index > 0 { out.append(byte: UInt8(ascii: ";")) }
                out.append(fragment.start)
                out.append(byte: 0x20)
                out.append(fragment.end)
            }
            out.append(byte: 0x09)
            for (index, fragment) in fragments.enumerated() {
                if index > 0 { out.append(byte: 0x20) }
                out.appendSingleLine(bundle, document: documentIndex, fragment.start, fragment.end)
            }
            out.append(byte: 0x0A)
            if span.kind == .claim && evidence.contains(span.id) { claimRefs[span.id] = "\(documentID):T\(number)" }
        }
        var relation = 0, attribute = 0, reference = 0, note = 0
        for (index, span) in spans.enumerated() where span.session == session && span.kind == .claim && numbers[index] > 0 {
            let t = numbers[index]
            if let mention = span.mention, let m = written(mention) {
                relation += 1
                out.append(byte: UInt8(ascii: "R"))
                out.append(relation)
                out.append("\tHasSpeaker Arg1:T")
                out.append(t)
                out.append(" Arg2:T")
                out.append(m)
                out.append(byte: 0x0A)
            }
            if let cue = span.cue, let c = written(cue) {
                relation += 1
                out.append(byte: UInt8(ascii: "R"))
                out.append(relation)
                out.append("\tHasCue Arg1:T")
                out.append(t)
                out.append(" Arg2:T")
                out.append(c)
                out.append(byte: 0x0A)
            }
        }
        func attributeLine(_ name: String, _ t: Int, _ value: String?, _ out: inout ExportOutput) {
            attribute += 1
            out.append(byte: UInt8(ascii: "A"))
            out.append(attribute)
            out.append(byte: 0x09)
            out.append(name)
            out.append(" T")
            out.append(t)
            if let value {
                out.append(byte: 0x20)
                out.append(ExportText.percentEncoded(value))
            }
            out.append(byte: 0x0A)
        }
        for (index, span) in spans.enumerated() where span.session == session && numbers[index] > 0 {
            let t = numbers[index]
            if let form = span.form { attributeLine("Form", t, form, &out) }
            if span.negated { attributeLine("Negated", t, nil, &out) }
            if span.hedged { attributeLine("Hedged", t, nil, &out) }
            if let role = span.role { attributeLine("Role", t, role, &out) }
            attributeLine("Annotator", t, span.annotator, &out)
        }
        for (index, span) in spans.enumerated() where span.session == session && numbers[index] > 0 {
            guard let speakerID = span.speaker, let speaker = bundle.speaker(session: span.session, id: speakerID) else { continue }
            reference += 1
            out.append(byte: UInt8(ascii: "N"))
            out.append(reference)
            out.append("\tReference T")
            out.append(numbers[index])
            out.append(byte: 0x20)
            out.append(Self.referenceDatabase)
            out.append(byte: UInt8(ascii: ":"))
            out.append(speakerID)
            out.append(byte: 0x09)
            out.appendSingleLine(speaker.name)
            out.append(byte: 0x0A)
        }
        for (index, span) in spans.enumerated() where span.session == session && numbers[index] > 0 {
            for item in bundle.notes(session: span.session, about: span.id) {
                spanRefs[span.id] = (documentID, numbers[index])
                note += 1
                out.append(byte: UInt8(ascii: "#"))
                out.append(note)
                out.append("\tAnnotatorNotes T")
                out.append(numbers[index])
                out.append(byte: 0x09)
                out.appendSingleLine(item.text)
                out.append(byte: 0x0A)
            }
        }
    }

    private func annotationConf(_ bundle: ExportBundle, session: Int) -> String {
        var forms: [String] = bundle.sessions[session].state.schema.claimForms, roles = Set<String>(), annotators = Set<String>()
        var rawRoles = Set<String>(), rawAnnotators = Set<String>()
        for list in bundle.spans {
            for span in list where span.session == session {
                if let form = span.form, !forms.contains(form) { forms.append(form) }
                if let role = span.role { rawRoles.insert(role) }
                rawAnnotators.insert(span.annotator)
            }
        }
        for role in rawRoles { roles.insert(ExportText.percentEncoded(role)) }
        for annotator in rawAnnotators { annotators.insert(ExportText.percentEncoded(annotator)) }
        annotators.insert(ExportText.percentEncoded(bundle.sessions[session].annotator))
        var out = """
            # Workbench attribution schema: who says what (speaker mention, cue, claim).
            [entities]
            Speaker
            Cue
            Claim

            [relations]
            HasSpeaker Arg1:Claim, Arg2:Speaker
            HasCue Arg1:Claim, Arg2:Cue
            <OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

            [events]

            [attributes]
            Form Arg:Claim, Value:\(forms.map(ExportText.percentEncoded).joined(separator: "|"))
            Negated Arg:Claim
            Hedged Arg:Claim

            """
        if !roles.isEmpty { out += "Role Arg:Speaker, Value:\(roles.sorted().joined(separator: "|"))\n" }
        out += "Annotator Arg:<ENTITY>, Value:\(annotators.sorted().joined(separator: "|"))\n"
        return out
    }

    static let visualConf = """
        [labels]
        Speaker | Speaker | Spk
        Cue | Cue
        Claim | Claim | Cl
        HasSpeaker | speaker
        HasCue | cue
        Form | Form
        Negated | Negated
        Hedged | Hedged
        Role | Role
        Annotator | Annotator

        [drawing]
        Speaker bgColor:#9fc5ff
        Cue bgColor:#ffd27f
        Claim bgColor:#b9e4ac
        HasSpeaker color:#1f5fbf
        HasCue color:#b36b00
        Negated glyph:¬
        Hedged glyph:~
        SPAN_DEFAULT fgColor:black, bgColor:lightgreen, borderColor:darken
        ARC_DEFAULT color:black, arrowHead:triangle-5
        ATTRIBUTE_DEFAULT glyph:*

        """

    private func speakersTSV(_ bundle: ExportBundle, session index: Int) -> String {
        var out = "session\tspeaker\tname\tkind\taliases\tannotator\n"
        do {
            for speaker in bundle.speakers[index] {
                let aliases = speaker.aliases.map { ExportText.singleLine($0).replacingOccurrences(of: "|", with: "¦") }.joined(separator: "|")
                let annotator = speaker.annotator.isEmpty ? bundle.sessions[index].annotator : speaker.annotator
                out += [bundle.sessions[index].label, speaker.id, speaker.name, speaker.kind, aliases, annotator]
                    .map(ExportText.singleLine).joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    private func targetsTSV(_ bundle: ExportBundle, session index: Int) -> String {
        var out = "session\ttarget\ttext\tannotator\n"
        do {
            for target in bundle.targets[index] {
                let annotator = target.annotator.isEmpty ? bundle.sessions[index].annotator : target.annotator
                out += [bundle.sessions[index].label, target.id, target.text, annotator].map(ExportText.singleLine)
                    .joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    private func notesTSV(_ bundle: ExportBundle, session index: Int, spanRefs: [String: (document: String, number: Int)]) -> String {
        var out = Self.noteColumns.joined(separator: "\t") + "\n"
        let state = bundle.sessions[index].state
        for note in bundle.notes[index] {
            var fields = [bundle.sessions[index].label, note.id]
            switch note.subject {
            case .sentence(let key):
                fields += ["sentence", "", key.document, String(key.sentence)]
            case .annotation(let id):
                if let span = spanRefs[id] {
                    fields += ["span", "T\(span.number)", span.document, ""]
                } else if state.speakers[id] != nil {
                    fields += ["speaker", id, "", ""]
                } else if state.targets[id] != nil {
                    fields += ["target", id, "", ""]
                } else if state.stances[id] != nil {
                    fields += ["stance", id, "", ""]
                } else {
                    continue  // a span brat could not hold (no text outside line breaks)
                }
            }
            fields += [note.annotator, note.text]
            out += fields.map(ExportText.singleLine).joined(separator: "\t") + "\n"
        }
        return out
    }

    private func stancesTSV(_ bundle: ExportBundle, session index: Int, claimRefs: [String: String]) -> String {
        var out = "session\tstance\tspeaker\tspeaker_name\ttarget\ttarget_text\tlabel\tevidence\tannotator\n"
        do {
            let state = bundle.sessions[index].state
            for stance in bundle.stances[index] {
                let evidence = stance.evidence.compactMap { claimRefs[$0] }.joined(separator: " ")
                out += [
                    bundle.sessions[index].label, stance.id, stance.speaker, state.speakers[stance.speaker]?.name ?? "",
                    stance.target, state.targets[stance.target]?.text ?? "", stance.label, evidence, stance.annotator,
                ].map(ExportText.singleLine).joined(separator: "\t") + "\n"
            }
        }
        return out
    }
}
