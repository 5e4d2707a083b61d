import Foundation

/// brat standoff, one folder per session (`<session>/`, as brat keeps one annotator per folder):
/// per document `<id>.txt` (the normalised text) and `<id>.ann` (none for a document without text); `annotation.conf` and
/// `visual.conf` so the folder opens in brat; `speakers.tsv`, `targets.tsv`, `stances.tsv` and
/// `notes.tsv` for what brat has no place for.
///
/// In the `.ann` files: `T` lines for speaker mentions (`Speaker`), cues and claims (discontinuous
/// spans as `start end;start end`; spans are also cut at line breaks, as brat requires, and at tabs), `R` lines
/// `HasSpeaker` (claim → mention; one per speaker mention of a claim with several speakers, main first),
/// `HasAddressee` (claim → addressee mention) and `HasCue` (claim → cue), `A` lines for claim form, the
/// `Negated`/`Hedged` flags, the mention `Role` and the `Annotator`, `N` lines linking mentions and claims to the canonical speaker
/// (`Workbench:S1`; one per speaker of a claim) and `#` AnnotatorNotes for notes on spans. Offsets count Unicode scalars; lines end in LF.
/// A `T` line's text is the `.txt` span as it is; notes, names and targets (in `#` and `N` lines and the
/// side tables), which no offset counts, are written by ``ExportText/shownLine(_:)``: control characters shown.
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
struct BratExporter: Exporter {
    /// Creates the exporter.
    init() {}

    var format: ExportFormat { .brat }

    /// The normalisation database name in `N` lines.
    static let referenceDatabase = "Workbench"

    /// The brat type of a `T` holding annotations of `kinds`: `Speaker`, `Cue`, `Claim`, or for one
    /// span with several roles (SpkAtt's "Demnach" is both Source and Cue) the labels joined by `_`
    /// in layer order (`Speaker_Cue`), so no two `T` lines have the same span.
    static func typeName(_ kinds: Set<ExportSpan.Kind>) -> String {
        ExportSpan.Kind.allCases.filter { kinds.contains($0) }.map(\.label).joined(separator: "_")
    }

    /// The header of `shared.tsv`: one row per annotation of a `T` that several annotations share.
    /// `speaker` and `mention` list several comma-separated for a claim with several speakers; `addressees` its addressee mentions.
    static let sharedColumns = [
        "session", "document", "entity", "kind", "speaker", "mention", "cue", "form", "flags", "role", "annotator", "addressees",
    ]

    /// The header of `notes.tsv`.
    static let noteColumns = ["session", "note", "about", "id", "document", "sentence", "annotator", "text"]

    /// What one document adds to its session's files besides its own `.txt` and `.ann`: built on
    /// any core, merged in document order.
    struct DocumentPart: Sendable {
        /// The `.ann` file.
        var ann: [UInt8] = []
        /// Stance evidence claim id → `document:T`.
        var claimRefs: [(id: String, reference: String)] = []
        /// Span with notes → its `T`.
        var spanRefs: [(id: String, number: Int)] = []
        /// Rows of `shared.tsv`.
        var shared = ""
        /// Claim forms of the session's spans, in order of first appearance in the document.
        var forms: [String] = []
        /// Roles and annotators of the session's spans.
        var roles = Set<String>(), annotators = Set<String>()
        /// Combined types (``typeName(_:)`` of several kinds) the document uses.
        var combined = Set<String>()
    }

    func write(_ bundle: ExportBundle, to out: inout ExportOutput) {
        for (session, exportSession) in bundle.sessions.enumerated() {
            let folder = ExportText.fileName(exportSession.label) + "/"
            // Only claims that are a stance's evidence need their reference kept for stances.tsv.
            let evidence = Set(bundle.stances[session].flatMap(\.evidence))
            var claimRefs: [String: String] = [:]  // claim id → "document:T"
            var spanRefs: [String: (document: String, number: Int)] = [:]  // span with notes → its T
            let header = Self.sharedColumns.joined(separator: "\t") + "\n"
            var shared = header
            var forms: [String] = bundle.sessions[session].state.schema.claimForms, knownForms = Set(forms)
            var roles = Set<String>(), annotators = Set<String>(), combined = Set<String>()
            ExportDocumentParts.build(bundle) { documentIndex in
                var part = DocumentPart()
                var ann = ExportOutput()
                ann.begin("ann")
                annotations(bundle, documentIndex, session: session, evidence: evidence, part: &part, to: &ann)
                part.ann = ann.bytes
                return part
            } _: { documentIndex, part in
                // A document without text gets no files: nothing in it can be annotated, and bratly
                // refuses an empty text and with it the whole folder.
                guard !bundle.bytes[documentIndex].isEmpty else { return }
                let documentID = bundle.documents[documentIndex].document.id
                let name = bundle.fileNames[documentIndex]
                out.begin(folder + name + ".txt")
                out.bytes = bundle.bytes[documentIndex]
                out.end()
                out.begin(folder + name + ".ann")
                out.bytes = part.ann
                out.end()
                for (id, reference) in part.claimRefs { claimRefs[id] = reference }
                for (id, number) in part.spanRefs { spanRefs[id] = (documentID, number) }
                shared += part.shared
                for form in part.forms where knownForms.insert(form).inserted { forms.append(form) }
                roles.formUnion(part.roles)
                annotators.formUnion(part.annotators)
                combined.formUnion(part.combined)
            }
            out.file(folder + "annotation.conf", annotationConf(bundle, session: session, forms: forms, roles: roles, annotators: annotators, combined: combined))
            out.file(folder + "visual.conf", Self.visualConf)
            out.file(folder + "speakers.tsv", speakersTSV(bundle, session: session))
            out.file(folder + "targets.tsv", targetsTSV(bundle, session: session))
            out.file(folder + "stances.tsv", stancesTSV(bundle, session: session, claimRefs: claimRefs))
            out.file(folder + "notes.tsv", notesTSV(bundle, session: session, spanRefs: spanRefs))
            if shared.utf8.count > header.utf8.count { out.file(folder + "shared.tsv", shared) }
        }
    }

    /// Notes, speaker names or aliases and target texts holding tabs or line breaks: brat's lines
    /// cannot hold them, so the `.ann` files (`#` notes, `N` names) and the plain columns of the
    /// side tables have spaces there; the side tables' `exact` column keeps the text for `import brat`.
    func notices(_ bundle: ExportBundle) -> [String] {
        let notes = bundle.notes.joined().filter { ExportText.holdsLineBreak($0.text) }.count
        let speakers = bundle.speakers.joined().filter { Self.speakerNeedsExact($0, ExportText.holdsLineBreak) }.count
        let targets = bundle.targets.joined().filter { ExportText.holdsLineBreak($0.text) }.count
        guard notes + speakers + targets > 0 else { return [] }
        func item(_ count: Int, _ one: String, _ many: String) -> String? { count > 0 ? "\(count) \(count == 1 ? one : many)" : nil }
        let items = [
            item(notes, "note", "notes"), item(speakers, "speaker name or alias list", "speaker names or alias lists"), item(targets, "target", "targets"),
        ].compactMap { $0 }
        return [
            "brat: \(items.joined(separator: ", ")) \(notes + speakers + targets == 1 ? "holds" : "hold") tabs or line breaks (or `|` in an alias), which brat lines cannot hold: written as spaces"
                + " in the .ann files (what brat shows) and in the plain columns of notes.tsv, speakers.tsv and targets.tsv; their `exact`"
                + " column keeps the text, so `workbench import brat` gives it back unchanged"
        ]
    }

    /// brat fragments of a span: its segments, cut at line breaks and tabs (a `T` line's text cannot
    /// hold either, and written as a space it was not the document's text there, which bratly and
    /// pybrat refuse; line breaks are every line boundary of Python's `str.splitlines`, at which
    /// bratly cuts lines: ``ExportText/breaksLine(_:)``). Found in the document's UTF-8 `bytes`
    /// through its scalar `index`: in the usual case (no line break or tab in any segment and no
    /// empty segment) the fragments are the segments themselves; otherwise the segments' scalars
    /// are decoded from the bytes and cut where they break a line.
    static func fragments(_ span: ExportSpan, index: ExportScalarIndex, bytes: [UInt8]) -> [SpanSegment] {
        let segments = span.segments
        return bytes.withUnsafeBufferPointer { buffer -> [SpanSegment] in
            guard let base = buffer.baseAddress else { return [] }
            var plain = true
            for segment in segments {
                // One walk from the segment's start over its scalars finds its end and any break.
                guard segment.start < segment.end,
                    crossesNoLineBreak(base, count: buffer.count, from: index.utf8Offset(ofScalar: segment.start, in: buffer), scalars: segment.end - segment.start)
                else {
                    plain = false
                    break
                }
            }
            if plain { return segments }
            var result: [SpanSegment] = []
            for segment in segments where segment.start < segment.end {
                var start = segment.start
                var position = index.utf8Offset(ofScalar: segment.start, in: buffer)
                for offset in segment.start..<segment.end {
                    let (scalar, width) = scalarAt(buffer, position)
                    position += width
                    if ExportText.breaksLine(scalar) {
                        if offset > start { result.append(SpanSegment(start: start, end: offset)) }
                        start = offset + 1
                    }
                }
                if segment.end > start { result.append(SpanSegment(start: start, end: segment.end)) }
            }
            return result
        }
    }

    /// Whether the `scalars` scalars from byte `position` of well-formed UTF-8 (`count` bytes at
    /// `base`) lie inside the text and hold no tab or line break (``ExportText/breaksLine(_:)``, found
    /// on the bytes: bytes 0x09–0x0D and 0x1C–0x1E, NEL `C2 85`, U+2028/U+2029 `E2 80 A8`/`A9`).
    @inline(__always)
    static func crossesNoLineBreak(_ base: UnsafePointer<UInt8>, count: Int, from position: Int, scalars: Int) -> Bool {
        var position = position, left = scalars
        while left > 0 {
            guard position < count else { return false }
            let lead = base[position]
            if lead < 0x80 {
                if lead <= 0x1E && (lead >= 0x1C || (lead >= 0x09 && lead <= 0x0D)) { return false }
                position += 1
            } else if lead < 0xE0 {
                if lead == 0xC2 && position + 1 < count && base[position + 1] == 0x85 { return false }
                position += 2
            } else if lead < 0xF0 {
                if lead == 0xE2 && position + 2 < count && base[position + 1] == 0x80 && (base[position + 2] == 0xA8 || base[position + 2] == 0xA9) {
                    return false
                }
                position += 3
            } else {
                position += 4
            }
            left -= 1
        }
        return position <= count
    }

    /// The scalar whose first byte is at `position` of well-formed UTF-8, and its width in bytes
    /// (``ScalarWindow/scalar(at:in:count:)``); a space past the end.
    @inline(__always)
    private static func scalarAt(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> (Unicode.Scalar, Int) {
        guard position < bytes.count, let base = bytes.baseAddress else { return (" ", 1) }
        let (scalar, width) = ScalarWindow.scalar(at: position, in: base, count: bytes.count)
        return (scalar, width)
    }

    /// A relation already written: type (0 speaker, 1 cue, 2 addressee), claim `T`, other `T`.
    private struct RelationKey: Hashable {
        var type: Int
        var claim: Int
        var other: Int
    }

    /// An attribute line already written (a combined `T`'s kinds may share the annotator).
    private struct AttributeKey: Hashable {
        var name: String
        var t: Int
        var value: String
    }

    /// An `N` line already written: `T` and speaker id.
    private struct ReferenceKey: Hashable {
        var t: Int
        var speaker: String
    }

    /// The `.ann` file of one document and session, and what the document adds to the session's
    /// other files (``DocumentPart``).
    private func annotations(_ bundle: ExportBundle, _ documentIndex: Int, session: Int, evidence: Set<String>, part: inout DocumentPart, to out: inout ExportOutput) {
        let spans = bundle.spans[documentIndex]
        let scalarIndex = bundle.scalarIndex[documentIndex]
        let bytes = bundle.bytes[documentIndex]
        let documentID = bundle.documents[documentIndex].document.id
        // The `T` number of each of the document's spans (0: not written).
        var numbers = [Int](repeating: 0, count: spans.count)
        /// The `T` number of a span of this session written in this document.
        func written(_ id: String) -> Int? {
            guard let location = bundle.location(session: session, id: id), location.document == documentIndex else { return nil }
            let number = numbers[location.index]
            return number > 0 ? number : nil
        }
        // One T per fragments: the annotations on it (span indices, in order), of one kind or several
        // (a combined type such as `Speaker_Cue`); `member` is a span's 1-based place among those of its kind.
        var entityOf: [[SpanSegment]: Int] = [:]  // several fragments
        var entityOfOne: [Int: Int] = [:]  // one fragment, by start and end
        // T - 1 → its annotations (span indices, in order) as a chain, with no array per `T` (most
        // have one): the first, then `nextMember` of each up to -1; the last and how many.
        var firstMember: [Int] = [], lastMember: [Int] = [], memberCount: [Int] = []
        var nextMember = [Int](repeating: -1, count: spans.count)
        var fragmentsOf: [[SpanSegment]] = []  // T - 1 → fragments
        /// The annotations on `T` `t`, in order.
        func members(_ t: Int) -> [Int] {
            var list: [Int] = []
            var index = firstMember[t - 1]
            while index >= 0 {
                list.append(index)
                index = nextMember[index]
            }
            return list
        }
        var member = [Int](repeating: 0, count: spans.count)
        var emptyKinds = Set<ExportSpan.Kind>()  // kinds of spans with no text outside line breaks
        var knownForms = Set<String>()
        for (index, span) in spans.enumerated() where span.session == session {
            if let form = span.form, knownForms.insert(form).inserted { part.forms.append(form) }
            if let role = span.role { part.roles.insert(role) }
            part.annotators.insert(span.annotator)
            let fragments = Self.fragments(span, index: scalarIndex, bytes: bytes)
            guard !fragments.isEmpty else {
                emptyKinds.insert(span.kind)
                continue
            }
            let t: Int
            let oneKey: Int? = fragments.count == 1 ? fragments[0].start << 32 | fragments[0].end : nil
            let existing: Int?
            if let oneKey { existing = entityOfOne[oneKey] } else { existing = entityOf[fragments] }
            var place = 1
            if let known = existing {
                t = known
                var other = firstMember[t - 1]
                while other >= 0 {
                    if spans[other].kind == span.kind { place += 1 }
                    other = nextMember[other]
                }
                nextMember[lastMember[t - 1]] = index
                lastMember[t - 1] = index
                memberCount[t - 1] += 1
            } else {
                fragmentsOf.append(fragments)
                firstMember.append(index)
                lastMember.append(index)
                memberCount.append(1)
                t = fragmentsOf.count
                if let oneKey { entityOfOne[oneKey] = t } else { entityOf[fragments] = t }
            }
            numbers[index] = t
            member[index] = place
            if span.kind == .claim && evidence.contains(span.id) {
                part.claimRefs.append((span.id, "\(documentID):T\(t)" + (place > 1 ? "#\(place)" : "")))
            }
        }
        if emptyKinds.count > 1 { part.combined.insert(Self.typeName(emptyKinds)) }
        for t in 1..<(fragmentsOf.count + 1) {
            let fragments = fragmentsOf[t - 1], first = firstMember[t - 1]
            out.append(byte: UInt8(ascii: "T"))
            out.append(t)
            out.append(byte: 0x09)
            if memberCount[t - 1] > 1, members(t).contains(where: { spans[$0].kind != spans[first].kind }) {
                let name = Self.typeName(Set(members(t).map { spans[$0].kind }))
                part.combined.insert(name)
                out.append(name)
            } else {
                spans[first].kind.staticLabel.withUTF8Buffer { out.bytes.append(contentsOf: $0) }
            }
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
        for t in 1..<(fragmentsOf.count + 1) where memberCount[t - 1] > 1 {
            let all = members(t)
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
                part.shared += fields.map(ExportText.singleLine).joined(separator: "\t") + "\n"
            }
            }
        }
        var relation = 0, attribute = 0, reference = 0, note = 0
        // Lines already written: of a shared `T`'s claims in a set; a claim alone on its `T` can only
        // repeat one of its own few lines, looked up in `claimRelations` (no set insertion for them).
        var relations = Set<RelationKey>(), claimRelations: [RelationKey] = []
        var claimShared = false
        func relationLine(_ type: Int, _ name: String, _ t: Int, _ other: Int, _ out: inout ExportOutput) {
            let key = RelationKey(type: type, claim: t, other: other)
            if claimShared {
                guard relations.insert(key).inserted else { return }
            } else {
                guard !claimRelations.contains(key) else { return }
                claimRelations.append(key)
            }
            relation += 1
            out.append(byte: UInt8(ascii: "R"))
            out.append(relation)
            out.append(name)
            out.append(t)
            out.append(" Arg2:T")
            out.append(other)
            out.append(byte: 0x0A)
        }
        for (index, span) in spans.enumerated() where span.session == session && span.kind == .claim && numbers[index] > 0 {
            let t = numbers[index]
            claimShared = memberCount[t - 1] > 1
            claimRelations.removeAll(keepingCapacity: true)
            for mention in span.mentions {
                if let m = written(mention) { relationLine(0, "\tHasSpeaker Arg1:T", t, m, &out) }
            }
            for mention in span.addressees {
                if let m = written(mention) { relationLine(2, "\tHasAddressee Arg1:T", t, m, &out) }
            }
            if let cue = span.cue, let c = written(cue) { relationLine(1, "\tHasCue Arg1:T", t, c, &out) }
        }
        var attributes = Set<AttributeKey>()  // already written
        // A `T` of one annotation cannot repeat a line: its attributes have different names.
        var isShared = false
        func attributeLine(_ name: String, _ t: Int, _ value: String?, _ out: inout ExportOutput) {
            guard !isShared || attributes.insert(AttributeKey(name: name, t: t, value: value ?? "")).inserted else { return }
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
            isShared = memberCount[t - 1] > 1
            if let form = span.form { attributeLine("Form", t, form, &out) }
            if span.negated { attributeLine("Negated", t, nil, &out) }
            if span.hedged { attributeLine("Hedged", t, nil, &out) }
            if let role = span.role { attributeLine("Role", t, role, &out) }
            attributeLine("Annotator", t, span.annotator, &out)
        }
        var references = Set<ReferenceKey>()  // already written
        for (index, span) in spans.enumerated() where span.session == session && numbers[index] > 0 {
            // Only a shared `T` or a speaker named twice can repeat a line.
            let mayRepeat = span.speakers.count > 1 || memberCount[numbers[index] - 1] > 1
            for speakerID in span.speakers {
            guard let speaker = bundle.speaker(session: span.session, id: speakerID),
                !mayRepeat || references.insert(ReferenceKey(t: numbers[index], speaker: speakerID)).inserted
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
            out.append(ExportText.shownLine(speaker.name))
            out.append(byte: 0x0A)
            }
        }
        guard bundle.hasNotes(session: session) else { return }
        for (index, span) in spans.enumerated() where span.session == session && numbers[index] > 0 {
            for item in bundle.notes(session: span.session, about: span.id) {
                part.spanRefs.append((span.id, numbers[index]))
                note += 1
                out.append(byte: UInt8(ascii: "#"))
                out.append(note)
                out.append("\tAnnotatorNotes T")
                out.append(numbers[index])
                out.append(byte: 0x09)
                out.append(ExportText.shownLine(item.text))
                out.append(byte: 0x0A)
            }
        }
    }

    private func annotationConf(
        _ bundle: ExportBundle, session: Int, forms: [String], roles rawRoles: Set<String>, annotators rawAnnotators: Set<String>,
        combined: Set<String>
    ) -> String {
        var roles = Set<String>(), annotators = Set<String>()
        for role in rawRoles { roles.insert(ExportText.percentEncoded(role)) }
        for annotator in rawAnnotators { annotators.insert(ExportText.percentEncoded(annotator)) }
        annotators.insert(ExportText.percentEncoded(bundle.sessions[session].annotator))
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

    /// Whether a speaker's name or aliases lose something in `speakers.tsv`'s plain columns (a tab,
    /// a line break or a control shown by ``ExportText/shownLine(_:)``; in an alias also `|` or `¦`,
    /// the list's separator and its stand-in); `needsExact` says what a name loses.
    static func speakerNeedsExact(_ speaker: Speaker, _ needsExact: (String) -> Bool = ExportText.needsExact) -> Bool {
        needsExact(speaker.name) || speaker.aliases.contains { needsExact($0) || $0.contains("|") || $0.contains("¦") }
    }

    private func speakersTSV(_ bundle: ExportBundle, session index: Int) -> String {
        // The `exact` column (name and aliases as a JSON list) only when a speaker needs it.
        let exact = bundle.speakers[index].contains { Self.speakerNeedsExact($0) }
        var out = "session\tspeaker\tname\tkind\taliases\tannotator" + (exact ? "\texact\n" : "\n")
        do {
            for speaker in bundle.speakers[index] {
                let aliases = speaker.aliases.map { ExportText.shownLine($0).replacingOccurrences(of: "|", with: "¦") }.joined(separator: "|")
                let annotator = speaker.annotator.isEmpty ? bundle.sessions[index].annotator : speaker.annotator
                // Free text shown (ExportText.shownLine); ids kept, as import matches them.
                var fields = [bundle.sessions[index].label, speaker.id, ExportText.shownLine(speaker.name), speaker.kind, aliases, annotator].map(ExportText.singleLine)
                if exact {
                    fields.append(Self.speakerNeedsExact(speaker) ? JSONValue.array(([speaker.name] + speaker.aliases).map(JSONValue.string)).serialized() : "")
                }
                out += fields.joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    private func targetsTSV(_ bundle: ExportBundle, session index: Int) -> String {
        let exact = bundle.targets[index].contains { ExportText.needsExact($0.text) }
        var out = "session\ttarget\ttext\tannotator" + (exact ? "\texact\n" : "\n")
        do {
            for target in bundle.targets[index] {
                let annotator = target.annotator.isEmpty ? bundle.sessions[index].annotator : target.annotator
                var fields = [bundle.sessions[index].label, target.id, ExportText.shownLine(target.text), annotator].map(ExportText.singleLine)
                if exact { fields.append(ExportText.exactColumn(target.text)) }
                out += fields.joined(separator: "\t") + "\n"
            }
        }
        return out
    }

    private func notesTSV(_ bundle: ExportBundle, session index: Int, spanRefs: [String: (document: String, number: Int)]) -> String {
        let exact = bundle.notes[index].contains { ExportText.needsExact($0.text) }
        var out = (Self.noteColumns + (exact ? ["exact"] : [])).joined(separator: "\t") + "\n"
        let state = bundle.sessions[index].state
        for note in bundle.notes[index] {
            var fields = [bundle.sessions[index].label, note.id]
            switch note.subject {
            case .sentence(let key):
                fields += ["sentence", "", ExportText.shownLine(key.document), String(key.sentence)]
            case .annotation(let id):
                if let span = spanRefs[id] {
                    fields += ["span", "T\(span.number)", ExportText.shownLine(span.document), ""]
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
            fields += [note.annotator, ExportText.shownLine(note.text)]
            fields = fields.map(ExportText.singleLine)
            if exact { fields.append(ExportText.exactColumn(note.text)) }
            out += fields.joined(separator: "\t") + "\n"
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
