import Foundation
import Testing
@testable import Annotations
import TestSupport

/// Property tests over sessions that use every field a session can hold: claims with mention and
/// cue, sources, speaker aliases and kinds, mention roles, orphaned anchors, multi-segment and
/// cross-sentence spans, notes on sentences and annotations, targets, stances with evidence, every
/// status and every review verdict, with undo, redo, replace and delete interleaved.
///
/// Each run prints its seed; `WORKBENCH_PROPERTY_SEED=N swift test --filter SessionFieldPropertyTests`
/// replays exactly that run.
@Suite("Session field properties")
struct SessionFieldPropertyTests {
    static let corpus = TestCorpus.corpus
    static let builder = AnchorBuilder(corpus: corpus)
    static let cases = 150

    /// The seed of this run: `WORKBENCH_PROPERTY_SEED` when set, otherwise a fresh one.
    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["WORKBENCH_PROPERTY_SEED"], let value = UInt64(text) { return value }
        return UInt64.random(in: 0...UInt64.max)
    }()

    @Test("Sessions using every field replay to the same state and survive the file round trip and Session(file:) of the decoded file")
    func everyFieldRoundTrips() throws {
        print("session field properties: seed \(Self.seed) (replay: WORKBENCH_PROPERTY_SEED=\(Self.seed) swift test --filter SessionFieldPropertyTests)")
        var generator = PropertySeedGenerator(seed: Self.seed)
        var seen = Set<SessionField>()
        for number in 0..<Self.cases {
            let caseSeed = generator.next()
            var random = PropertySeedGenerator(seed: caseSeed)
            let replay = "seed \(Self.seed), case \(number)"
            var session = Session(annotator: "prop", corpus: CorpusReference(Self.corpus), created: "2026-11-21T10:00:00.000Z")
            let steps = Int(random.next() % 60) + 1
            for step in 0..<steps {
                let before = session.state
                let action = SessionScript.action(&random, in: session.state, builder: Self.builder, corpus: Self.corpus)
                do {
                    let time = Timestamp.string(from: Date(timeIntervalSince1970: 1_790_000_000 + Double(step)))
                    try session.perform(action, time: time, annotator: random.next() % 5 == 0 ? "zweite" : nil)
                    seen.formUnion(SessionField.fields(of: action))
                } catch {
                    #expect(session.state == before, "a rejected \(action.name) changed the state (\(replay))")
                }
            }
            let replayed = try? AnnotationState.replaying(session.events, schema: .standard)
            #expect(replayed?.hasSameRecords(as: session.state) == true, "replay differs (\(replay))")
            #expect(replayed?.undoStack == session.state.undoStack, "undo stack differs after replay (\(replay))")
            let file = session.file
            #expect(file.differences(from: session.state).isEmpty, "the file's annotations differ from the state (\(replay))")
            let data = try SessionCodec.encode(session.formatOneFile)
            // Format 2: the log's lines give back every event.
            var named = session
            named.id = "property"
            let log = try SessionLogContents(
                Data(SessionFileWriter.logBytes(header: LogHeader(session: named), events: session.events, cursor: nil)), path: "mem")
            #expect(log.events == session.events, "the log's events differ (\(replay))")
            let decoded = try SessionCodec.decode(data, path: "mem")
            #expect(try SessionCodec.encode(decoded) == data, "the file changed in a JSON round trip (\(replay))")
            do {
                let reopened = try Session(file: SessionCodec.decode(data, path: "mem"), path: "mem")
                #expect(reopened.state.hasSameRecords(as: session.state), "Session(file:) of the decoded file differs (\(replay))")
                #expect(reopened.events == session.events, "Session(file:) of the decoded file events differ (\(replay))")
            } catch {
                Issue.record("Session(file:) of the decoded file refused a session the workbench wrote: \(error) (\(replay))")
            }
        }
        let missing = Set(SessionField.allCases).subtracting(seen)
        #expect(missing.isEmpty, "the generator never set \(missing.map(\.rawValue).sorted()) (seed \(Self.seed))")
    }
}

/// The shared seedable generator (SplitMix64, the same sequence for a seed), so a run can be replayed.
typealias PropertySeedGenerator = SplitMix64

extension SplitMix64 {
    /// A number in `0..<count` (0 when `count` is 0).
    mutating func below(_ count: Int) -> Int { count <= 0 ? 0 : Int(next() % UInt64(count)) }

    /// One element of `items`, or nil when it is empty.
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[below(items.count)] }

    /// True about once in `n` times.
    mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }
}

/// The fields a session can hold, to check that the generator reaches all of them.
enum SessionField: String, CaseIterable, Hashable {
    case speakerAliases, speakerKind, mentionRole, mentionSources, cueSources, claimMention, claimCue, claimForm
    case claimNegated, claimHedged, claimSources, claimAcrossSentences, multiSegmentSpan, orphanedAnchor
    case target, stanceEvidence, stanceSources, sentenceNote, annotationNote, statusDone, statusSkipped
    case statusFlagged, statusReopened, reviewAccepted, reviewRejected, reviewCorrected, reviewReason
    case replace, delete, undo, redo

    /// The fields an accepted action sets.
    static func fields(of action: EditAction) -> Set<SessionField> {
        var fields = Set<SessionField>()
        func anchor(_ anchor: TextAnchor) {
            if anchor.orphaned { fields.insert(.orphanedAnchor) }
            if anchor.segments.count > 1 { fields.insert(.multiSegmentSpan) }
        }
        func record(_ record: Record) {
            switch record {
            case .speaker(let speaker):
                if !speaker.aliases.isEmpty { fields.insert(.speakerAliases) }
                if speaker.kind != "person" { fields.insert(.speakerKind) }
            case .mention(let mention):
                anchor(mention.anchor)
                if mention.role != nil { fields.insert(.mentionRole) }
                if mention.sources != nil { fields.insert(.mentionSources) }
            case .cue(let cue):
                anchor(cue.anchor)
                if cue.sources != nil { fields.insert(.cueSources) }
            case .claim(let claim):
                anchor(claim.anchor)
                if claim.mention != nil { fields.insert(.claimMention) }
                if claim.cue != nil { fields.insert(.claimCue) }
                if claim.form != nil { fields.insert(.claimForm) }
                if claim.negated { fields.insert(.claimNegated) }
                if claim.hedged { fields.insert(.claimHedged) }
                if claim.sources != nil { fields.insert(.claimSources) }
                if SessionScript.crossesSentence(claim.anchor) {
                    fields.insert(.claimAcrossSentences)
                }
            case .target: fields.insert(.target)
            case .stance(let stance):
                if !stance.evidence.isEmpty { fields.insert(.stanceEvidence) }
                if stance.sources != nil { fields.insert(.stanceSources) }
            case .note(let note):
                if case .sentence = note.subject { fields.insert(.sentenceNote) } else { fields.insert(.annotationNote) }
            default: break
            }
        }
        switch action {
        case .add(let added): record(added)
        case .replace(let replaced):
            fields.insert(.replace)
            record(replaced)
        case .delete: fields.insert(.delete)
        case .setStatus(_, let status):
            switch status {
            case .done: fields.insert(.statusDone)
            case .skipped: fields.insert(.statusSkipped)
            case .flagged: fields.insert(.statusFlagged)
            case .open: fields.insert(.statusReopened)
            }
        case .review(let decision):
            switch decision.verdict {
            case .accepted: fields.insert(.reviewAccepted)
            case .rejected: fields.insert(.reviewRejected)
            case .corrected: fields.insert(.reviewCorrected)
            }
            if decision.reason != nil { fields.insert(.reviewReason) }
        case .undo: fields.insert(.undo)
        case .redo: fields.insert(.redo)
        }
        return fields
    }
}

/// Turns random numbers into edits against the current state: mostly valid ones (ids that exist,
/// anchors built from the corpus), with some that the model must refuse.
enum SessionScript {
    static let names = ["Mark Rutte", "Peskow", "Die Vereinigten Staaten", "Jürgen Müller-Lüdenscheidt", "Café „Zentral“", "🇪🇺 Kommission"]
    static let aliases = ["Rutte", "Kreml", "Washington", "Müller", "Kiew", "e\u{301}"]
    static let kinds = ["person", "organisation", "country", "group"]
    static let forms = ["direct", "indirect", "mixed", "reported", "bogus"]
    static let labels = ["favor", "against", "none", "bogus"]

    /// True when the anchor's last segment ends after the end of its sentence.
    static func crossesSentence(_ anchor: TextAnchor) -> Bool {
        guard let document = TestCorpus.corpus.document(id: anchor.document), anchor.sentence < document.sentences.count else { return false }
        return anchor.end > document.sentences[anchor.sentence].end
    }

    static func anchor(_ random: inout PropertySeedGenerator, builder: AnchorBuilder, corpus: SegmentedCorpus, claim: Bool) -> TextAnchor? {
        guard let document = random.pick(corpus.documents) else { return nil }
        let sentenceIndex = random.below(document.sentences.count)
        let tokens = document.sentences[sentenceIndex].tokens
        guard !tokens.isEmpty else { return nil }
        let first = random.below(tokens.count)
        let last = min(tokens.count - 1, first + random.below(4))
        var segments = [SpanSegment(start: tokens[first].start, end: tokens[last].end)]
        var acrossSentences = false
        if last + 2 < tokens.count, random.oneIn(4) {
            // A second part, one token further on: a discontinuous span.
            let next = tokens[last + 2]
            segments.append(SpanSegment(start: next.start, end: next.end))
        } else if claim, sentenceIndex + 1 < document.sentences.count, random.oneIn(4), let following = document.sentences[sentenceIndex + 1].tokens.first {
            segments[0].end = following.end
            acrossSentences = true
        }
        guard var anchor = try? builder.anchor(
            document: document.document.id, sentence: sentenceIndex, segments: segments, allowFollowingSentences: acrossSentences)
        else { return nil }
        if random.oneIn(8) { anchor.orphaned = true }
        return anchor
    }

    static func sources(_ random: inout PropertySeedGenerator, _ prefix: String) -> [String]? {
        random.oneIn(3) ? ["anna:\(prefix)\(random.below(9) + 1)", "bob:\(prefix)\(random.below(9) + 1)"].prefix(random.below(2) + 1).map { $0 } : nil
    }

    static func action(_ random: inout PropertySeedGenerator, in state: AnnotationState, builder: AnchorBuilder, corpus: SegmentedCorpus) -> EditAction {
        let speakers = AnnotationState.sortedByID(state.speakers).map(\.id)
        let mentions = AnnotationState.sortedByID(state.mentions).map(\.id)
        let cues = AnnotationState.sortedByID(state.cues).map(\.id)
        let claims = AnnotationState.sortedByID(state.claims).map(\.id)
        let targets = AnnotationState.sortedByID(state.targets).map(\.id)
        let spans = mentions + cues + claims
        let all = state.allRecords.map(\.key.description).filter { RecordKey.forID($0) != nil }
        switch random.below(20) {
        case 0, 1:
            let aliasCount = random.below(3)
            let chosen = (0..<aliasCount).compactMap { _ in random.pick(aliases) }
            return .add(.speaker(Speaker(
                id: state.nextID("S"), name: random.pick(names) ?? "X", kind: random.pick(kinds) ?? "person",
                aliases: Array(Set(chosen)).sorted())))
        case 2, 3:
            guard let anchor = anchor(&random, builder: builder, corpus: corpus, claim: false) else { return .undo }
            return .add(.mention(Mention(
                id: state.nextID("M"), anchor: anchor, speaker: random.pick(speakers) ?? "S404",
                role: random.oneIn(2) ? "Botschafter" : nil, sources: sources(&random, "M"))))
        case 4:
            guard let anchor = anchor(&random, builder: builder, corpus: corpus, claim: false) else { return .redo }
            return .add(.cue(Cue(id: state.nextID("Q"), anchor: anchor, sources: sources(&random, "Q"))))
        case 5, 6, 7:
            guard let anchor = anchor(&random, builder: builder, corpus: corpus, claim: true) else { return .undo }
            return .add(.claim(Claim(
                id: state.nextID("C"), anchor: anchor, speaker: random.oneIn(5) ? nil : random.pick(speakers),
                mention: random.oneIn(2) ? random.pick(mentions) : nil, cue: random.oneIn(2) ? random.pick(cues) : nil,
                form: random.oneIn(4) ? nil : random.pick(forms), negated: random.oneIn(3), hedged: random.oneIn(3),
                sources: sources(&random, "C"))))
        case 8: return .add(.target(Target(id: state.nextID("T"), text: "These „\(random.below(100))“")))
        case 9:
            let evidence = claims.isEmpty ? [] : Array(Set((0...random.below(2)).compactMap { _ in random.pick(claims) })).sorted()
            return .add(.stance(Stance(
                id: state.nextID("P"), speaker: random.pick(speakers) ?? "S1", target: random.pick(targets) ?? "T1",
                label: random.pick(labels) ?? "none", evidence: evidence, sources: sources(&random, "P"))))
        case 10:
            let subject: Note.Subject
            if random.oneIn(2), let document = random.pick(corpus.documents) {
                subject = .sentence(SentenceKey(document: document.document.id, sentence: random.below(document.sentences.count + 1)))
            } else {
                subject = .annotation(random.pick(all) ?? "C404")
            }
            return .add(.note(Note(id: state.nextID("N"), subject: subject, text: "Notiz \\n „\(random.below(100))“ \u{1B}[31m")))
        case 11:
            guard let document = random.pick(corpus.documents) else { return .undo }
            let key = SentenceKey(document: document.document.id, sentence: random.below(document.sentences.count))
            return .setStatus(key, random.pick(SentenceStatus.allCases) ?? .done)
        case 12:
            let verdict = random.pick([ReviewDecision.Verdict.accepted, .rejected, .corrected]) ?? .accepted
            return .review(ReviewDecision(
                annotation: random.pick(spans) ?? "C404", verdict: verdict, reason: random.oneIn(2) ? "zu weit" : nil, reviewer: "rita"))
        case 13:
            if let id = random.pick(claims), var claim = state.claims[id] {
                claim.hedged.toggle()
                claim.cue = random.oneIn(2) ? random.pick(cues) : nil
                claim.mention = random.oneIn(2) ? random.pick(mentions) : nil
                return .replace(.claim(claim))
            }
            return .redo
        case 14:
            if let id = random.pick(speakers), var speaker = state.speakers[id] {
                if let alias = random.pick(aliases), !speaker.aliases.contains(alias) { speaker.aliases.append(alias) }
                return .replace(.speaker(speaker))
            }
            return .undo
        case 15: return .delete(random.pick(all) ?? "C1")
        case 16, 17: return .undo
        default: return .redo
        }
    }
}
