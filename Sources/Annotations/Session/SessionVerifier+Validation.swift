import Foundation

/// `validate`: the verification of a session file and the checks `replay --verify` makes too
/// (labels, references, offsets, quotes). Each problem is one line naming the file.
extension SessionVerifier {
    /// Checks the file at `path`, read once as ``verify(path:displayName:)`` reads it (else as
    /// ``SessionStore/read(path:forVerification:displayName:)`` does, whose error is reported);
    /// `corpus` gives the corpus to check offsets against once the file is decoded. Gives one line
    /// per problem naming the file, the warnings (a torn last log line), and the verification.
    public func validate(path: String, corpus: (SessionFile) -> SegmentedCorpus?) -> (problems: [String], warnings: [String], verified: Report?) {
        let verified: Report
        do { verified = try verify(path: path) } catch {
            do { verified = report(try SessionStore.read(path: path)) } catch { return ([error.description], [], nil) }
        }
        let file = verified.file
        // Worded as `replay --verify` words them.
        var problems = verified.differences.map { "\(path): \($0)" }
        if let problem = verified.logProblem {
            problems.append("\(path): \(problem.description)")
            problems += file.recordsStoredTwice.map { "\(path): \($0)" }
        }
        // The references are checked on another thread while the corpus is loaded and the text checked.
        let references = BackgroundValue { [self] in referenceChecks(file, path: path) }
        let text = corpus(file).map { SessionTextCheck(corpus: $0).problems(in: file, path: path) } ?? []
        problems += (references.wait() ?? []) + text
        return (problems, verified.warnings, verified)
    }

    /// The checks that need no text: every id a record names exists, labels are in the schema, a
    /// stance's evidence is a claim by its speaker, a claim's mentions name speakers it lists. One
    /// line per problem naming `path` and the record's JSON path.
    public func referenceChecks(_ file: SessionFile, path: String) -> [String] {
        referenceProblems(file, path: path) + evidenceSpeakerProblems(file, path: path) + mentionSpeakerProblems(file, path: path)
    }

    private func referenceProblems(_ file: SessionFile, path: String) -> [String] {
        var problems: [String] = []
        let speakers = Set(file.speakers.map(\.id)), targets = Set(file.targets.map(\.id))
        let ids = Set(file.annotations.map(\.key.description))
        for (index, record) in file.annotations.enumerated() {
            switch record {
            case .mention(let mention) where !speakers.contains(mention.speaker):
                problems.append("\(path): at $.annotations[\(index)]: \(mention.id) refers to unknown speaker \(mention.speaker)")
            case .claim(let claim):
                for speaker in claim.speakers where !speakers.contains(speaker) {
                    problems.append("\(path): at $.annotations[\(index)]: \(claim.id) refers to unknown speaker \(speaker)")
                }
                // Its mentions, addressees and cue, in that order (no list of them made per claim).
                func unknown(_ reference: String) { problems.append("\(path): at $.annotations[\(index)]: \(claim.id) refers to unknown \(reference)") }
                for reference in claim.mentions where !ids.contains(reference) { unknown(reference) }
                for reference in claim.addressees where !ids.contains(reference) { unknown(reference) }
                if let cue = claim.cue, !ids.contains(cue) { unknown(cue) }
                if let form = claim.form, !file.schema.claimForms.contains(form) {
                    problems.append("\(path): at $.annotations[\(index)]: claim form '\(form)' is not in the schema")
                }
            default:
                break
            }
        }
        for (index, stance) in file.stances.enumerated() {
            if !speakers.contains(stance.speaker) {
                problems.append("\(path): at $.stances[\(index)]: \(stance.id) refers to unknown speaker \(stance.speaker)")
            }
            if !targets.contains(stance.target) {
                problems.append("\(path): at $.stances[\(index)]: \(stance.id) refers to unknown target \(stance.target)")
            }
            if !file.schema.stanceLabels.contains(stance.label) {
                problems.append("\(path): at $.stances[\(index)]: stance label '\(stance.label)' is not in the schema")
            }
            for claim in stance.evidence where !ids.contains(claim) {
                problems.append("\(path): at $.stances[\(index)]: evidence \(claim) does not exist")
            }
        }
        return problems
    }

    /// How the checks name a speaker: `S1 Mark Rutte`, or the id alone when the file does not know it.
    private func speakerLabel(in file: SessionFile) -> (String) -> String {
        let names = Dictionary(file.speakers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return { id in names[id].map { "\(id) \($0)" } ?? id }
    }

    /// Stances whose evidence is a claim attributed to another speaker.
    func evidenceSpeakerProblems(_ file: SessionFile, path: String) -> [String] {
        // Only the claims a stance cites (none when no stance cites one).
        let cited = Set(file.stances.flatMap(\.evidence))
        guard !cited.isEmpty else { return [] }
        var claims: [String: Claim] = [:]
        for case .claim(let claim) in file.annotations where cited.contains(claim.id) { claims[claim.id] = claim }
        let named = speakerLabel(in: file)
        var problems: [String] = []
        for (index, stance) in file.stances.enumerated() {
            for id in stance.evidence {
                guard let claim = claims[id], let speaker = claim.speaker, !stance.canCite(claim) else { continue }
                problems.append(
                    "\(path): at $.stances[\(index)]: evidence \(id) of \(stance.id) is a claim by \(named(speaker)), not by the stance's speaker \(named(stance.speaker)); "
                        + "remove it (edit \(stance.id) evidence …) or attribute the claim to \(stance.speaker)")
            }
        }
        return problems
    }

    /// Claims citing a mention of a speaker they do not list (exports would disagree).
    func mentionSpeakerProblems(_ file: SessionFile, path: String) -> [String] {
        // Each mention's speaker by the mention's id (not the mention: a million are not copied).
        var speakerOf: [String: String] = [:]
        for case .mention(let mention) in file.annotations { speakerOf[mention.id] = mention.speaker }
        let named = speakerLabel(in: file)
        var problems: [String] = []
        for (index, record) in file.annotations.enumerated() {
            guard case .claim(let claim) = record else { continue }
            for mention in claim.mentions {
                guard let speaker = speakerOf[mention], !claim.speakers.contains(speaker) else { continue }
                let listed = claim.speakers.isEmpty ? "none" : claim.speakers.joined(separator: ", ")
                problems.append(
                    "\(path): at $.annotations[\(index)]: \(claim.id) cites mention \(mention) of \(named(speaker)), who is not among its speakers (\(listed)); "
                        + "list the speaker (edit \(claim.id) by add \(speaker))"
                        + (claim.speakers.first.map { " or attribute the mention to one of them (edit \(mention) speaker \($0))" } ?? ""))
            }
        }
        return problems
    }
}
