/// brat standoff, one folder per session (`<session>/`, as brat keeps one annotator per folder):
/// per document `<id>.txt` (the normalised text) and `<id>.ann`; `annotation.conf` and
/// `visual.conf` so the folder opens in brat; `speakers.tsv`, `targets.tsv` and `stances.tsv` for
/// what brat has no place for.
///
/// In the `.ann` files: `T` lines for speaker mentions (`Speaker`), cues and claims (discontinuous
/// spans as `start end;start end`; spans are also cut at line breaks, as brat requires), `R` lines
/// `HasSpeaker` (claim → mention) and `HasCue` (claim → cue), `A` lines for claim form, the
/// `Negated`/`Hedged` flags, the mention `Role` and the `Annotator`, `N` lines linking mentions and claims to the canonical speaker
/// (`Workbench:S1`) and `#` AnnotatorNotes for notes. Offsets count Unicode scalars; lines end in LF.
/// Attribute values that are not single words are percent-encoded.
public struct BratExporter: Exporter {
    /// Creates the exporter.
    public init() {}

    public var format: ExportFormat { .brat }

    /// The normalisation database name in `N` lines.
    public static let referenceDatabase = "Workbench"

    public func export(_ bundle: ExportBundle) -> [ExportFile] {
        var files: [ExportFile] = []
        for (session, exportSession) in bundle.sessions.enumerated() {
            let folder = ExportText.fileName(exportSession.label) + "/"
            var claimRefs: [String: String] = [:]  // claim id → "document:T"
            for (documentIndex, document) in bundle.documents.enumerated() {
                let name = ExportText.fileName(document.document.id)
                let ann = annotations(bundle, documentIndex, session: session, claimRefs: &claimRefs)
                files.append(ExportFile(path: folder + name + ".txt", contents: document.document.text))
                files.append(ExportFile(path: folder + name + ".ann", contents: ann))
            }
            files.append(ExportFile(path: folder + "annotation.conf", contents: annotationConf(bundle, session: session)))
            files.append(ExportFile(path: folder + "visual.conf", contents: Self.visualConf))
            files.append(ExportFile(path: folder + "speakers.tsv", contents: speakersTSV(bundle, session: session)))
            files.append(ExportFile(path: folder + "targets.tsv", contents: targetsTSV(bundle, session: session)))
            files.append(ExportFile(path: folder + "stances.tsv", contents: stancesTSV(bundle, session: session, claimRefs: claimRefs)))
        }
        return files
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

    private func annotations(_ bundle: ExportBundle, _ documentIndex: Int, session: Int, claimRefs: inout [String: String]) -> String {
        let spans = bundle.spans[documentIndex].filter { $0.session == session }
        let table = bundle.tables[documentIndex]
        let documentID = bundle.documents[documentIndex].document.id
        var out = ""
        out.reserveCapacity(spans.count * 120)
        var tIDs: [[String: Int]] = Array(repeating: [:], count: bundle.sessions.count)
        var number = 0
        for span in spans {
            let fragments = Self.fragments(span, table: table)
            guard !fragments.isEmpty else { continue }
            number += 1
            tIDs[span.session][span.id] = number
            out += "T\(number)\t\(span.kind.label) "
            for (index, fragment) in fragments.enumerated() {
                if index > 0 { out += ";" }
                out += "\(fragment.start) \(fragment.end)"
            }
            out += "\t"
            for (index, fragment) in fragments.enumerated() {
                if index > 0 { out += " " }
                out += ExportText.singleLine(bundle.slice(documentIndex, fragment.start, fragment.end))
            }
            out += "\n"
            if span.kind == .claim { claimRefs[span.id] = "\(documentID):T\(number)" }
        }
        var relation = 0, attribute = 0, reference = 0, note = 0
        for span in spans where span.kind == .claim {
            guard let t = tIDs[span.session][span.id] else { continue }
            if let mention = span.mention, let m = tIDs[span.session][mention] {
                relation += 1
                out += "R\(relation)\tHasSpeaker Arg1:T\(t) Arg2:T\(m)\n"
            }
            if let cue = span.cue, let c = tIDs[span.session][cue] {
                relation += 1
                out += "R\(relation)\tHasCue Arg1:T\(t) Arg2:T\(c)\n"
            }
        }
        for span in spans {
            guard let t = tIDs[span.session][span.id] else { continue }
            if let form = span.form {
                attribute += 1
                out += "A\(attribute)\tForm T\(t) \(ExportText.percentEncoded(form))\n"
            }
            if span.negated {
                attribute += 1
                out += "A\(attribute)\tNegated T\(t)\n"
            }
            if span.hedged {
                attribute += 1
                out += "A\(attribute)\tHedged T\(t)\n"
            }
            if let role = span.role {
                attribute += 1
                out += "A\(attribute)\tRole T\(t) \(ExportText.percentEncoded(role))\n"
            }
            attribute += 1
            out += "A\(attribute)\tAnnotator T\(t) \(ExportText.percentEncoded(span.annotator))\n"
        }
        for span in spans {
            guard let t = tIDs[span.session][span.id], let speakerID = span.speaker,
                let speaker = bundle.speaker(session: span.session, id: speakerID)
            else { continue }
            reference += 1
            out += "N\(reference)\tReference T\(t) \(Self.referenceDatabase):\(speakerID)\t\(ExportText.singleLine(speaker.name))\n"
        }
        for span in spans {
            guard let t = tIDs[span.session][span.id] else { continue }
            for item in bundle.notes(session: span.session, about: span.id) {
                note += 1
                out += "#\(note)\tAnnotatorNotes T\(t)\t\(ExportText.singleLine(item.text))\n"
            }
        }
        return out
    }

    private func annotationConf(_ bundle: ExportBundle, session: Int) -> String {
        var forms: [String] = bundle.sessions[session].state.schema.claimForms, roles = Set<String>(), annotators = Set<String>()
        for list in bundle.spans {
            for span in list where span.session == session {
                if let form = span.form, !forms.contains(form) { forms.append(form) }
                if let role = span.role { roles.insert(ExportText.percentEncoded(role)) }
                annotators.insert(ExportText.percentEncoded(span.annotator))
            }
        }
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
