/// brat standoff, one folder per session (`<session>/`, as brat keeps one annotator per folder):
/// per document `<id>.txt` (the normalised text) and `<id>.ann`; `annotation.conf` and
/// `visual.conf` so the folder opens in brat; `speakers.tsv`, `targets.tsv`, `stances.tsv` and
/// `notes.tsv` for what brat has no place for.
///
/// In the `.ann` files: `T` lines for speaker mentions (`Speaker`), cues and claims (discontinuous
/// spans as `start end;start end`; spans are also cut at line breaks, as brat requires), `R` lines
/// `HasSpeaker` (claim → mention; one per speaker mention of a claim with several speakers, main first),
/// `HasAddressee` (claim → addressee mention) and `HasCue` (claim → cue), `A` lines for claim form, the
/// `Negated`/`Hedged` flags, the mention `Role` and the `Annotator`, `N` lines linking mentions and claims to the canonical speaker
/// (`Workbench:S1`; one per speaker of a claim) and `#` AnnotatorNotes for notes on spans. Offsets count Unicode scalars; lines end in LF.
/// `notes.tsv` lists every note with its id and annotator (``noteColumns``): about a `span` (the
/// `T` id in `document`; its text is also a `#` line), a `sentence` (`document`, 0-based
/// `sentence`), a `speaker`, `target` or `stance` (`id`).
/// Attribute values that are not single words are percent-encoded.
///
/// Strict brat: no two `T` lines of a file have the same type and fragments. Annotations of one
/// kind on one span (two claims on one span by different speakers) share one `T`: every one of
/// them adds its relations and `N` reference to it (identical lines once), the first its `A` lines;
/// `shared.tsv` (written only when there are such `T`s) lists each annotation of such a `T` in order (``sharedColumns``) so an import
/// restores them one by one. A shared `T`'s second annotation is referred to as `T5#2` in
/// `shared.tsv` and `stances.tsv`.
public struct BratExporter: Exporter {
    /// Creates the exporter.
    public init() {}

    public var format: ExportFormat { .brat }

    /// The normalisation database name in `N` lines.
    public static let referenceDatabase = "Workbench"

    /// The brat type of a `T` holding annotations of `kinds`: `Speaker`, `Cue`, `Claim`, or for one
    /// span with several roles (SpkAtt's "Demnach" is both Source and Cue) the labels joined by `_`
    /// in layer order (`Speaker_Cue`), so no two `T` lines have the same span.
    static func typeName(_ kinds: Set<ExportSpan.Kind>) -> String {
        ExportSpan.Kind.allCases.filter { kinds.contains($0) }.map(\.label).joined(separator: "_")
    }

    /// The header of `shared.tsv`: one row per annotation of a `T` that several annotations share.
    /// `speaker` and `mention` list several comma-separated for a claim with several speakers; `addressees` its addressee mentions.
    public static let sharedColumns = [
        "session", "document", "entity", "kind", "speaker", "mention", "cue", "form", "flags", "role", "annotator", "addressees",
    ]

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
            let header = Self.sharedColumns.joined(separator: "\t") + "\n"
            var shared = header
            for (documentIndex, document) in bundle.documents.enumerated() {
                let name = ExportText.fileName(document.document.id)
                out.begin(folder + name + ".txt")
                out.bytes.append(contentsOf: bundle.bytes[documentIndex])
                out.end()
                out.begin(folder + name + ".ann")
                annotations(
                    bundle, documentIndex, session: session, evidence: evidence, claimRefs: &claimRefs, spanRefs: &spanRefs, numbers: &numbers,
                    shared: &shared, to: &out)
                out.end()
            }
            out.file(folder + "annotation.conf", annotationConf(bundle, session: session))
            out.file(folder + "visual.conf", Self.visualConf)
            out.file(folder + "speakers.tsv", speakersTSV(bundle, session: session))
            out.file(folder + "targets.tsv", targetsTSV(bundle, session: session))
            out.file(folder + "stances.tsv", stancesTSV(bundle, session: session, claimRefs: claimRefs))
            out.file(folder + "notes.tsv", notesTSV(bundle, session: session, spanRefs: spanRefs))
            if shared.utf8.count > header.utf8.count { out.file(folder + "shared.tsv", shared) }
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
        spanRefs: inout [String: (document: String, number: Int)], numbers: inout [Int], shared: inout String, to out: inout ExportOutput
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
        // One T per fragments: the annotations on it (span indices, in order), of one kind or several
        // (a combined type such as `Speaker_Cue`); `member` is a span's 1-based place among those of its kind.
        var entityOf: [[SpanSegment]: Int] = [:]
        var members: [Int: [Int]] = [:]
        var fragmentsOf: [Int: [SpanSegment]] = [:]
        var member = [Int](repeating: 0, count: spans.count)
        for (index, span) in spans.enumerated() where span.session == session {
            let fragments = Self.fragments(span, table: table)
            guard !fragments.isEmpty else { continue }
            let t: Int
            if let known = entityOf[fragments] {
                t = known
            } else {
                number += 1
                t = number
                entityOf[fragments] = t
                fragmentsOf[t] = fragments
            }
            numbers[index] = t
            members[t, default: []].append(index)
            member[index] = members[t, default: []].filter { spans[$0].kind == span.kind }.count
            if span.kind == .claim && evidence.contains(span.id) {
                claimRefs[span.id] = "\(documentID):T\(t)" + (member[index] > 1 ? "#\(member[index])" : "")
            }
        }
        for t in 1..<(number + 1) {
            guard let fragments = fragmentsOf[t], let list = members[t] else { continue }
            out.append(byte: UInt8(ascii: "T"))
            out.append(t)
            out.append(byte: 0x09)
            out.append(Self.typeName(Set(list.map { spans[$0].kind })))
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
        }
        /// `T5`, or `T5#2` for the second annotation sharing T5.
        func entityReference(_ id: String?) -> String {
            guard let id, let location = bundle.location(session: session, id: id), location.document == documentIndex,
                numbers[location.index] > 0
            else { return "" }
            let place = member[location.index]
            return "T\(numbers[location.index])" + (place > 1 ? "#\(place)" : "")
        }
        for t in 1..<(number + 1) {
            guard let all = members[t] else { continue }
            for kind in ExportSpan.Kind.allCases {
            let list = all.filter { spans[$0].kind == kind }
            guard list.count > 1 else { continue }
            for index in list {
                let span = spans[index]
                let flags = [span.negated ? "negated" : nil, span.hedged ? "hedged" : nil].compactMap { $0 }.joined(separator: " ")
                let fields = [
                    bundle.sessions[session].label, documentID, "T\(t)", span.kind.label,
                    span.kind == .claim ? span.speakers.joined(separator: ",") : span.speaker ?? "",
                    span.kind == .claim ? span.mentions.map(entityReference).joined(separator: ",") : entityReference(span.mention),
                    entityReference(span.cue), span.form ?? "", flags, span.role ?? "", span.annotator,
                    span.addressees.map(entityReference).joined(separator: ","),
                ]
                shared += fields.map(ExportText.singleLine).joined(separator: "\t") + "\n"
            }
            }
        }
        var relation = 0, attribute = 0, reference = 0, note = 0
        var relations = Set<[Int]>()  // (type, claim T, other T) already written
        for (index, span) in spans.enumerated() where span.session == session && span.kind == .claim && numbers[index] > 0 {
            let t = numbers[index]
            for (type, name, targets) in [(0, "\tHasSpeaker Arg1:T", span.mentions), (2, "\tHasAddressee Arg1:T", span.addressees)] {
                for mention in targets {
                    guard let m = written(mention), relations.insert([type, t, m]).inserted else { continue }
                    relation += 1
                    out.append(byte: UInt8(ascii: "R"))
                    out.append(relation)
                    out.append(name)
                    out.append(t)
                    out.append(" Arg2:T")
                    out.append(m)
                    out.append(byte: 0x0A)
                }
            }
            if let cue = span.cue, let c = written(cue), relations.insert([1, t, c]).inserted {
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
        var attributes = Set<String>()  // "name T value" already written (a combined T's kinds may share the annotator)
        func attributeLine(_ name: String, _ t: Int, _ value: String?, _ out: inout ExportOutput) {
            guard attributes.insert("\(name) \(t) \(value ?? "")").inserted else { return }
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
        for (index, span) in spans.enumerated() where span.session == session && numbers[index] > 0 && member[index] == 1 {
            let t = numbers[index]
            if let form = span.form { attributeLine("Form", t, form, &out) }
            if span.negated { attributeLine("Negated", t, nil, &out) }
            if span.hedged { attributeLine("Hedged", t, nil, &out) }
            if let role = span.role { attributeLine("Role", t, role, &out) }
            attributeLine("Annotator", t, span.annotator, &out)
        }
        var references = Set<String>()  // "T speaker" already written
        for (index, span) in spans.enumerated() where span.session == session && numbers[index] > 0 {
            for speakerID in span.speakers {
            guard let speaker = bundle.speaker(session: span.session, id: speakerID),
                references.insert("\(numbers[index]) \(speakerID)").inserted
            else { continue }
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
        // Combined types (one span, several roles) used by this session, and the types holding each kind.
        var combined = Set<String>()
        for (document, list) in bundle.spans.enumerated() {
            var kinds: [[SpanSegment]: Set<ExportSpan.Kind>] = [:]
            for span in list where span.session == session {
                kinds[Self.fragments(span, table: bundle.tables[document]), default: []].insert(span.kind)
            }
            for set in kinds.values where set.count > 1 { combined.insert(Self.typeName(set)) }
        }
        let extra = combined.sorted()
        func types(_ kind: ExportSpan.Kind) -> String {
            ([kind.label] + extra.filter { $0.split(separator: "_").contains(Substring(kind.label)) }).joined(separator: "|")
        }
        var out = """
            # Workbench attribution schema: who says what (speaker mention, cue, claim).
            [entities]
            Speaker
            Cue
            Claim

            """
        for name in extra { out += name + "\n" }
        out += """

            [relations]
            HasSpeaker Arg1:\(types(.claim)), Arg2:\(types(.speaker))
            HasAddressee Arg1:\(types(.claim)), Arg2:\(types(.speaker))
            HasCue Arg1:\(types(.claim)), Arg2:\(types(.cue))
            <OVERLAP> Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

            [events]

            [attributes]
            Form Arg:\(types(.claim)), Value:\(forms.map(ExportText.percentEncoded).joined(separator: "|"))
            Negated Arg:\(types(.claim))
            Hedged Arg:\(types(.claim))

            """
        if !roles.isEmpty { out += "Role Arg:\(types(.speaker)), Value:\(roles.sorted().joined(separator: "|"))\n" }
        out += "Annotator Arg:<ENTITY>, Value:\(annotators.sorted().joined(separator: "|"))\n"
        return out
    }

    static let visualConf = """
        [labels]
        Speaker | Speaker | Spk
        Cue | Cue
        Claim | Claim | Cl
        HasSpeaker | speaker
        HasAddressee | addressee
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
