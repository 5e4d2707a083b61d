import Foundation
import Testing

/// The `speaker` command with German noun phrases, clean aliases, near matches, merging, and span edits.
@Suite("speaker phrases, aliases, near matches, merging and span edits")
struct SpeakerCommandTests {
    static let text = """
        Der rheinland-pfälzische Ministerpräsident Kurt Beck (SPD) sagte, das isländische Fischereiministerium habe recht. \
        Der Chef des Verwaltungsrats Ulrich Müller widersprach. \
        Er sagte nach eigenen Angaben, das Ministerium irre. \
        Bodegast sagte nichts, und Bodegast lachte. \
        Auch Boudegast schwieg, meinte ein Sprecher.

        """

    private func workspace() throws -> REPLWorkspace {
        let workspace = try REPLWorkspace()
        try Data(Self.text.utf8).write(to: workspace.folder.appendingPathComponent("beck.txt"))
        return workspace
    }

    private func speakers(_ workspace: REPLWorkspace, _ session: String) throws -> [String: [String: Any]] {
        try records(workspace, session).filter { $0.key.hasPrefix("S") }
    }

    /// Every record of a saved session by id: annotations, speakers, targets, stances and notes.
    private func records(_ workspace: REPLWorkspace, _ session: String) throws -> [String: [String: Any]] {
        let file = try workspace.session(session)
        var result: [String: [String: Any]] = [:]
        for key in ["annotations", "speakers", "targets", "stances", "notes"] {
            for item in file[key] as? [[String: Any]] ?? [] { if let id = item["id"] as? String { result[id] = item } }
        }
        return result
    }

    @Test("names, roles, kinds and parties come from the German phrase")
    func phraseAnalysis() async throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "beck.txt", "--session", "p"], commands: [
            "speaker \"Der rheinland-pfälzische Ministerpräsident Kurt Beck (SPD)\"",
            "speaker das isländische Fischereiministerium",
            "next",
            "sp der Chef des Verwaltungsrats Ulrich Müller",
            "goto 5",
            "sp ein Sprecher",
            "quit",
        ])
        #expect(result.status == 0, "\(result.stdout)")
        let annotations = try records(workspace, "p")
        #expect(annotations["S1"]?["name"] as? String == "Kurt Beck")
        #expect(annotations["S1"]?["kind"] as? String == "person")
        #expect(annotations["M1"]?["role"] as? String == "rheinland-pfälzischer Ministerpräsident")
        #expect(annotations["N1"]?["text"] as? String == "party: SPD")
        #expect(annotations["S2"]?["name"] as? String == "isländisches Fischereiministerium")
        #expect(annotations["S2"]?["kind"] as? String == "institution")
        #expect(annotations["S3"]?["name"] as? String == "Ulrich Müller")
        #expect(annotations["M3"]?["role"] as? String == "Chef des Verwaltungsrats")
        #expect(annotations["S4"]?["kind"] as? String == "anonymous")
        #expect(result.stdout.contains("new speaker S2 isländisches Fischereiministerium (institution, guessed"))
    }

    @Test("pronouns, articles and common nouns link without becoming aliases")
    func cleanAliases() async throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "beck.txt", "--session", "a"], commands: [
            "goto 2", "sp Ulrich Müller",
            "goto 3", "sp Er", "sp Er = S1", "sp eigenen Angaben = S1",
            "goto 4", "sp Bodegast = S1",
            "quit",
        ])
        #expect(result.stdout.contains("„Er“ refers without naming; say who: speaker Er = Sid (the last one named here is S1 Ulrich Müller)"))
        let speakers = try speakers(workspace, "a")
        #expect(speakers["S1"]?["aliases"] as? [String] == ["Bodegast"], "a name is learnt; „Er“ and „Angaben“ are not")
        #expect(try records(workspace, "a")["M3"]?["speaker"] as? String == "S1")
    }

    @Test("near matches are offered, not duplicated; the same words after a rename link again")
    func nearMatches() async throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "beck.txt", "--session", "n"], commands: [
            "sp das isländische Fischereiministerium",
            "goto 3", "sp das Ministerium",
            "goto 4", "sp Bodegast", "goto 5", "sp Boudegast",
            "goto 4", "edit S2 name Anton Bodegast-Meier", "sp Bodegast#2",
            "quit",
        ])
        #expect(result.stdout.contains("„das Ministerium“ may be S1 isländisches Fischereiministerium (near match); say which: speaker \"das Ministerium\" = S1"))
        #expect(result.stdout.contains("linked to S2 Anton Bodegast-Meier (tagged before with the same words"))
        #expect(result.stdout.contains("„Boudegast“ may be S2 Bodegast (near match); say which: speaker Boudegast = S2"))
        #expect(try speakers(workspace, "n").count == 2)
    }

    @Test("speaker merge moves mentions, claims, stances and notes, and one undo takes it back")
    func merge() async throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "beck.txt", "--session", "m"], commands: [
            "goto 4", "sp Bodegast", "cue sagte", "claim nichts",
            "ta Alles ist gut", "stance S1 T1 favor evidence C1",
            "goto 5", "sp Boudegast = Kurt Boudegast", "claim schwieg by S2", "stance S2 T1 favor evidence C2", "note S2 prüfen",
            "speaker merge S2 S1", "speakers",
            "undo", "speakers", "redo",
            "quit",
        ])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("merged S2 into S1 Bodegast: 1 mention(s), 1 claim(s), 1 stance(s), 1 note(s) moved"))
        #expect(result.stdout.contains("undone:"))
        let annotations = try records(workspace, "m")
        #expect(annotations["S2"] == nil)
        #expect(annotations["M2"]?["speaker"] as? String == "S1")
        #expect(annotations["C2"]?["speaker"] as? String == "S1")
        #expect(annotations["S1"]?["aliases"] as? [String] == ["Kurt Boudegast"])
        #expect(annotations["P1"]?["evidence"] as? [String] == ["C1", "C2"])
        #expect(annotations["P2"] == nil)
    }

    @Test("a merge of speakers whose stances on one target differ is refused and changes nothing; a bad span edit keeps the span")
    func refusals() async throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "beck.txt", "--session", "r"], commands: [
            "goto 4", "sp Bodegast", "ta Alles ist gut", "stance S1 T1 favor",
            "goto 5", "sp Boudegast = Kurt Boudegast", "stance S2 T1 against",
            "speaker merge S2 S1", "speaker merge S1 S1",
            "cue schwieg", "edit Q1 span Walfang",
            "quit",
        ])
        #expect(result.stdout.contains("S2 and S1 differ on T1 (against in P2, favor in P1); settle it first"))
        #expect(result.stdout.contains("merge two different speakers"))
        #expect(result.stdout.contains("\"Walfang\" is not in this sentence"))
        let records = try records(workspace, "r")
        #expect(records["S2"] != nil && records["P2"] != nil)
        #expect((records["Q1"]?["anchor"] as? [String: Any])?["text"] as? String == "schwieg")
    }

    @Test("a mention, cue or claim typed twice on one span is refused, a claim's cue span already tagged is linked, speaker merge with the wrong arguments is a usage error")
    func typedTwice() async throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "beck.txt", "--session", "t"], commands: [
            "goto 4", "sp Bodegast", "sp Bodegast", "cue sagte", "cue sagte", "cl nichts by S1", "cl nichts by S1",
            "cl lachte cue sagte", "goto 5", "cl schwieg", "cl schwieg", "speaker merge", "speaker merge S1", "speaker merge S1 S2 S3", "quit",
        ])
        // Before: M2, Q2, C2 and C4 were made, identical to M1, Q1, C1 and C3, and 'cue sagte' in a claim made Q3.
        #expect(result.stdout.contains("M1 already tags „Bodegast“ as S1 Bodegast; nothing added"), "\(result.stdout)")
        #expect(result.stdout.contains("Q1 already tags „sagte“ as a cue; nothing added"))
        #expect(result.stdout.contains("C1 already claims this span by S1; nothing added"))
        #expect(result.stdout.contains("C3 already claims this span without a speaker; nothing added"), "\(result.stdout)")
        #expect(result.stdout.contains("cue Q1 linked (it tags „sagte“ already)"))
        #expect(result.stdout.components(separatedBy: "usage: speaker merge FROM INTO").count == 4, "\(result.stdout)")
        let records = try records(workspace, "t")
        #expect(Set(records.keys.filter { $0.first.map { "MQC".contains($0) } ?? false }) == ["M1", "Q1", "C1", "C2", "C3"])
    }

    @Test("moving a speaker's last mention says the speaker is left without mentions")
    func orphanSpeaker() async throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "beck.txt", "--session", "o"], commands: [
            "goto 4", "sp Bodegast", "goto 5", "sp Boudegast = Kurt Boudegast", "edit M2 speaker S1", "quit",
        ])
        #expect(result.stdout.contains("S2 Kurt Boudegast has no mentions left; remove it: delete S2, or merge it: speaker merge S2 S1"))
    }

    @Test("edit ID span changes a span in place; bare words are spans; ta TEXT makes a target")
    func spanEditsAndBareWords() async throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "beck.txt", "--session", "e"], commands: [
            "sp Kurt Beck", "cue sagte", "claim 10-14", "ta Island hat recht", "stance S1 T1 favor evidence C1",
            "edit M1 span 1-8", "edit C1 span das isländische Fischereiministerium habe recht", "edit Q1 span sagte",
            "goto 3", "cue nach Angaben",
            "quit",
        ])
        #expect(result.status == 0, "\(result.stdout)")
        let annotations = try records(workspace, "e")
        #expect((annotations["M1"]?["anchor"] as? [String: Any])?["text"] as? String == "Der rheinland-pfälzische Ministerpräsident Kurt Beck (SPD)")
        #expect((annotations["C1"]?["anchor"] as? [String: Any])?["text"] as? String == "das isländische Fischereiministerium habe recht")
        #expect((annotations["Q1"]?["anchor"] as? [String: Any])?["text"] as? String == "sagte")
        #expect(annotations["C1"]?["speaker"] as? String == "S1", "what depended on the claim stays")
        #expect(annotations["P1"]?["evidence"] as? [String] == ["C1"])
        #expect(annotations["T1"]?["text"] as? String == "Island hat recht")
        // "nach Angaben" is not contiguous in "nach eigenen Angaben": the words become a discontinuous cue.
        let segments = (annotations["Q2"]?["anchor"] as? [String: Any])?["segments"] as? [Any]
        #expect(segments?.count == 2)
    }

    @Test("a span of bare words that cannot be joined names the word that stops it")
    func parseErrorNamesTheWord() async throws {
        let workspace = try workspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "beck.txt", "--session", "w"], commands: [
            "speaker Kurt Beck (SPD)", "claim das isländische Fischereiministerium habe recht by Kurt Beck", "quit",
        ])
        #expect(result.stdout.contains("error: '(SPD)' cannot join the words of a span; quote the whole span, e.g. speaker \"Kurt Beck (SPD)\""))
        #expect(result.stdout.contains("error: no speaker matches 'Kurt Beck'"), "the claim's span was read up to 'by'")
    }
}

@Suite("reopening a session without --annotator")
struct ReopenAnnotatorTests {
    @Test("goes on as the session's annotator, not the login name")
    func continuesAsSessionAnnotator() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let first = try await workspace.run(["annotate", "--session", "s", "--annotator", "anna"], commands: ["sp Südkorea", "quit"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try await workspace.run(["annotate", "--session", "s"], commands: ["cue forderten", "quit"], environment: ["USER": "bob"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("continuing as 'anna', the annotator of this session"))
        let events = try workspace.session("s")["events"] as? [[String: Any]] ?? []
        #expect(events.allSatisfy { $0["annotator"] as? String == "anna" }, "\(events.map { $0["annotator"] ?? "-" })")
        let third = try await workspace.run(["annotate", "--session", "s", "--annotator", "bob"], commands: ["quit"], environment: ["USER": "bob"])
        #expect(third.stderr.contains("this session belongs to 'anna'"))
    }
}

@Suite("claims with their speaker in another sentence")
struct ClaimSpeakerElsewhereTests {
    @Test("the sentence view names the speaker of a claim whose mention is in another sentence")
    func namesTheSpeaker() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let result = try await workspace.run(["annotate", "--session", "c"], commands: [
            "sp Südkorea", "next", "claim Nach Angaben by M1", "sp Seouls", "claim befinden by M2", "quit",
        ], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("{C1←S1 Nach Angaben}"), "\(result.stdout)")
        #expect(result.stdout.contains("{C2 befinden}"), "a claim whose mention is here needs no name")
    }
}
