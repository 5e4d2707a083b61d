@testable import Annotations
import Foundation
import Testing
import TestSupport

@Suite("adjudicate command")
struct AdjudicateCommandTests {
    @Test("Agreed annotations merge with sources; disagreements are asked; inputs stay; a re-run continues")
    func adjudicate() async throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        let out = folder + "/adjudicated.json"
        let annaBefore = try Data(contentsOf: URL(fileURLWithPath: anna))
        // First disagreement (claim form): take ben's version; then stop.
        let first = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", out, "--adjudicator", "carla"], stdin: "2\nq\n")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 disagreements to go"))
        #expect(first.stdout.contains("  1 anna: … Peskow erklärte, [die Lage sei ernst]."), "\(first.stdout)")
        #expect(first.stdout.contains("differs in form: 1 direct | 2 indirect"), "\(first.stdout)")
        #expect(first.stdout.contains("form=direct"))
        #expect(first.stdout.contains("stopped, run again to continue"))
        let partial = try SessionStore.load(path: out)
        let taken = try #require(partial.state.claims.values.first { $0.anchor.text == "die Lage sei ernst" })
        #expect(taken.form == "indirect")
        #expect(taken.sources == ["ben"])
        let agreed = try #require(partial.state.claims.values.first { $0.anchor.text == "Wir müssen handeln." })
        #expect(agreed.sources == ["anna", "ben"])
        #expect(agreed.annotator == "carla")
        #expect(partial.events.allSatisfy { $0.annotator == "carla" })
        #expect(partial.derivedFrom == [anna, ben])
        #expect(partial.state.stances.isEmpty)

        // Second run: only the stance is left; a bad answer is explained, then an edit.
        let second = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", out, "--adjudicator", "carla"], stdin: "7\ne 1 label=none\n")
        // The refused answer fails the piped run (exit status 1), as a rejected REPL command does.
        #expect(second.status == 1, "\(second.stderr)")
        #expect(second.stderr.contains("1 answer(s) were refused"), "\(second.stderr)")
        #expect(second.stdout.contains("1 disagreements to go"))
        #expect(second.stdout.contains("cannot use \"7\""))
        #expect(second.stdout.contains("done"))
        let done = try SessionStore.load(path: out)
        let stance = try #require(done.state.stances.values.first)
        #expect(stance.label == "none")
        #expect(stance.sources == ["anna"])
        #expect(done.state.speakers.values.first { $0.name == "Mark Rutte" }?.aliases == ["Rutte"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: anna)) == annaBefore)

        // The result renumbers; diff matches its annotations to the inputs' through their origin.
        let diff = try await WorkbenchProcess.run(["diff", anna, out])
        #expect(!diff.stdout.contains("matched by id"), "\(diff.stdout)")
        #expect(diff.stdout.contains("(matched through origin:"), "\(diff.stdout)")

        // Nothing left: a third run changes nothing.
        let third = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", out, "--adjudicator", "carla"])
        #expect(third.stdout.contains("0 disagreements to go"))
        #expect(try SessionStore.load(path: out).events.count == done.events.count)
    }

    /// Two annotators who typed the same commands: two claims on one span by different speakers
    /// (BBC and Müller), every sentence done.
    static func sameSpanTwoSpeakers() async throws -> (folder: URL, run: ([String], String) async throws -> WorkbenchProcess.Result) {
        let folder = URL(fileURLWithPath: TestScratch.path("adjudicate-two-claims-"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try Data("Laut BBC sagte Müller: „Wir bleiben hier.“\n".utf8).write(to: folder.appendingPathComponent("corpus/d1.txt"))
        try Data("Ein zweiter Text ohne Zitat.\n".utf8).write(to: folder.appendingPathComponent("corpus/d2.txt"))
        let run = { (arguments: [String], input: String) async throws -> WorkbenchProcess.Result in
            try await WorkbenchProcess.run(arguments, stdin: input, directory: folder, environment: ["WORKBENCH_FAKE_CLOCK": "2026-01-01T09:00:00Z"])
        }
        let commands = """
            speaker "BBC" kind organisation
            speaker "Müller"
            cue "sagte"
            claim "Wir bleiben hier." by BBC cue Q1
            claim "Wir bleiben hier." by Müller cue Q1
            done
            done
            quit

            """
        for name in ["a1", "a2"] {
            let result = try await run(["annotate", "corpus", "--session", name, "--annotator", name], commands)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return (folder, run)
    }

    @Test("Two claims on one span by different speakers are both kept; agreed sentence statuses are merged")
    func claimsDistinctBySpeakerAndStatusesMerged() async throws {
        let (folder, run) = try await Self.sameSpanTwoSpeakers()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await run(["adjudicate", "sessions/a1.json", "sessions/a2.json", "--out", "sessions/adj.json", "--adjudicator", "c"], "")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("merged 5 agreed"), "\(result.stdout)")
        let merged = try SessionStore.load(path: folder.appendingPathComponent("sessions/adj.json").path)
        let claims = AnnotationState.sortedByID(merged.state.claims)
        #expect(claims.count == 2)
        let speakers = Set(claims.compactMap { $0.speaker.flatMap { merged.state.speakers[$0]?.name } })
        #expect(speakers == ["BBC", "Müller"])
        #expect(claims.allSatisfy { $0.cue != nil && $0.sources == ["a1", "a2"] })
        // Both annotators marked both sentences done: so does the result.
        #expect(merged.state.status(of: SentenceKey(document: "d1", sentence: 0)) == .done)
        #expect(merged.state.status(of: SentenceKey(document: "d2", sentence: 0)) == .done)
        let stats = try await run(["stats", "sessions/adj.json"], "")
        #expect(stats.stdout.contains("documents done: 2/2"), "\(stats.stdout)")
        // A second run finds everything decided and adds nothing.
        // A bare name is a session name, as for review --out: "adj" is sessions/adj.json, continued.
        let again = try await run(["adjudicate", "sessions/a1.json", "sessions/a2.json", "--out", "adj", "--adjudicator", "c"], "")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("adj").path), "no stray file beside sessions/")
        #expect(again.stdout.contains("0 disagreements to go"), "\(again.stdout)")
        #expect(try SessionStore.load(path: folder.appendingPathComponent("sessions/adj.json").path).events.count == merged.events.count)
    }

    @Test("Sentence statuses the annotators disagree on stay open and are counted")
    func differingStatusesStayOpen() async throws {
        let (folder, run) = try await Self.sameSpanTwoSpeakers()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reopened = try await run(["annotate", "corpus", "--session", "a2", "--annotator", "a2"], "goto 2:1\nflag\nquit\n")
        #expect(reopened.status == 0, "\(reopened.stderr)")
        let result = try await run(["adjudicate", "sessions/a1.json", "sessions/a2.json", "--out", "sessions/adj.json", "--adjudicator", "c"], "")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sentence statuses: 1 agreed, 1 left open where the annotators differ"), "\(result.stdout)")
        let merged = try SessionStore.load(path: folder.appendingPathComponent("sessions/adj.json").path)
        #expect(merged.state.status(of: SentenceKey(document: "d1", sentence: 0)) == .done)
        #expect(merged.state.status(of: SentenceKey(document: "d2", sentence: 0)) == .open)
    }

    @Test("diff against an adjudicated session matches through origin: renumbered but identical annotations are unchanged")
    func diffThroughOrigin() async throws {
        let (folder, corpus) = try SessionFixture.corpus(["a": "Mark Rutte sagte: „Wir müssen handeln.“ Peskow erklärte, die Lage sei ernst.\n"])
        var anna = SessionFixture(annotator: "anna", folder: folder, corpus: corpus)
        var ben = SessionFixture(annotator: "ben", folder: folder, corpus: corpus)
        // anna has a claim first that ben does not: the adjudicator drops it, so the result numbers differ from anna's.
        try anna.perform(.add(.claim(Claim(id: "C1", anchor: try anna.anchor("Peskow erklärte", in: "a")))))
        for index in 0..<2 {
            var fixture = index == 0 ? anna : ben
            let next = fixture.session.state.nextID("C")
            try fixture.perform(.add(.speaker(Speaker(id: "S1", name: "Mark Rutte"))))
            try fixture.perform(.add(.mention(Mention(id: "M1", anchor: try fixture.anchor("Mark Rutte", in: "a"), speaker: "S1"))))
            try fixture.perform(.add(.claim(Claim(id: next, anchor: try fixture.anchor("Wir müssen handeln.", in: "a"), speaker: "S1", mention: "M1", form: "direct"))))
            if index == 0 { anna = fixture } else { ben = fixture }
        }
        let annaPath = try anna.write("anna"), benPath = try ben.write("ben"), out = folder + "/adj.json"
        let adjudicated = try await WorkbenchProcess.run(["adjudicate", annaPath, benPath, "--out", out, "--adjudicator", "carla"], stdin: "none\n")
        #expect(adjudicated.status == 0, "\(adjudicated.stderr)")
        let result = try SessionStore.load(path: out)
        let kept = try #require(result.state.claims.values.first { $0.anchor.text == "Wir müssen handeln." })
        #expect(kept.id == "C1")
        #expect(kept.origin == Origin(kind: .adjudicated, from: [Origin.Source(session: "anna", id: "C2"), Origin.Source(session: "ben", id: "C1")]))

        let fromAnna = try await WorkbenchProcess.run(["diff", annaPath, out])
        #expect(fromAnna.status == 0, "\(fromAnna.stderr)")
        #expect(!fromAnna.stdout.contains("matched by id"), "\(fromAnna.stdout)")
        #expect(fromAnna.stdout.contains("(matched through origin: the annotations of \(out) name the ones of \(annaPath) they were adjudicated from)"), "\(fromAnna.stdout)")
        #expect(fromAnna.stdout.contains("    - claim „Peskow erklärte“ (C1)\n"), "\(fromAnna.stdout)")
        #expect(!fromAnna.stdout.contains("~"), "\(fromAnna.stdout)")
        #expect(!fromAnna.stdout.contains("    + "), "\(fromAnna.stdout)")
        #expect(!fromAnna.stdout.contains("„Wir müssen handeln.“"), "\(fromAnna.stdout)")

        let fromBen = try await WorkbenchProcess.run(["diff", benPath, out])
        #expect(fromBen.stdout.contains("no differences"), "\(fromBen.stdout)")
        // Either order.
        let reversed = try await WorkbenchProcess.run(["diff", out, annaPath])
        #expect(reversed.stdout.contains("    + claim „Peskow erklärte“ (C1)\n"), "\(reversed.stdout)")
        #expect(!reversed.stdout.contains("~"), "\(reversed.stdout)")
    }

    @Test("The output may not be one of the inputs")
    func outputIsInput() async throws {
        let (_, anna, ben) = try AgreeCommandTests.sessions()
        let result = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", anna])
        #expect(result.status == 1)
        #expect(result.stderr.contains("inputs are never modified"))
    }

    @Test("Only documents every annotator touched are adjudicated unless --all-documents")
    func onlySharedDocuments() async throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        let shared = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", folder + "/shared.json", "--adjudicator", "carla"], stdin: "q\n")
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(shared.stderr.contains("document b was annotated only by anna; it is left out (--all-documents includes it)"), "\(shared.stderr)")
        #expect(shared.stdout.contains("sentence statuses: 2 agreed, 0 left open"), "\(shared.stdout)")
        let all = try await WorkbenchProcess.run(
            ["adjudicate", anna, ben, "--out", folder + "/all.json", "--adjudicator", "carla", "--all-documents"], stdin: "q\n")
        #expect(all.status == 0, "\(all.stderr)")
        #expect(!all.stderr.contains("left out"))
        #expect(all.stdout.contains("sentence statuses: 2 agreed, 1 left open"), "\(all.stdout)")
    }

    @Test("--out follows review --out's naming rules: a path gets .json, '..' is refused")
    func outNamedLikeReview() async throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        let result = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", folder + "/gold", "--adjudicator", "carla"], stdin: "q\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder + "/gold.json"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/gold"))
        let escaping = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", folder + "/../gold", "--adjudicator", "carla"], stdin: "q\n")
        #expect(escaping.status == 1)
        #expect(escaping.stderr.contains("'..'"), "\(escaping.stderr)")
    }

    @Test("--out naming an annotator's own session (not an adjudication) is refused, the session unchanged; an adjudication goes on")
    func outIsAnAnnotatorsSession() async throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        try FileManager.default.copyItem(atPath: folder + "/anna.json", toPath: folder + "/carl.json")
        let files = [folder + "/carl.json"]
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let result = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", folder + "/carl", "--adjudicator", "carla"], stdin: "1\n1\n1\n1\nq\n")
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("carl.json is an annotator's session, not an adjudication"), "\(result.stderr)")
        #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        let gold = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", folder + "/gold", "--adjudicator", "carla"], stdin: "q\n")
        #expect(gold.status == 0, "\(gold.stderr)")
        let again = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", folder + "/gold", "--adjudicator", "carla"], stdin: "q\n")
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test("--out naming the adjudication of other sessions is refused, unchanged (decisions of both runs were mixed); begun from another folder it goes on")
    func outIsTheAdjudicationOfOthers() async throws {
        let (folder, anna, ben) = try AgreeCommandTests.sessions()
        let gold = try await WorkbenchProcess.run(["adjudicate", anna, ben, "--out", folder + "/gold", "--adjudicator", "carla"], stdin: "q\n")
        #expect(gold.status == 0, "\(gold.stderr)")
        try FileManager.default.copyItem(atPath: folder + "/anna.json", toPath: folder + "/xena.json")
        try FileManager.default.copyItem(atPath: folder + "/ben.json", toPath: folder + "/yann.json")
        let files = [folder + "/gold.json", folder + "/gold.jsonl"].filter { FileManager.default.fileExists(atPath: $0) }
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let result = try await WorkbenchProcess.run(
            ["adjudicate", folder + "/xena.json", folder + "/yann.json", "--out", folder + "/gold", "--adjudicator", "carla"], stdin: "1\n1\n1\n1\nq\n")
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("gold.json is the adjudication of") && result.stderr.contains("not of"), "\(result.stderr)")
        #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        // The same sessions named from their own folder: the same adjudication, going on.
        let again = try await WorkbenchProcess.run(["adjudicate", "anna.json", "ben.json", "--out", "./gold", "--adjudicator", "carla"], stdin: "q\n", directory: URL(fileURLWithPath: folder))
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test("sessions annotated with different schemas are refused before anything is written (was stopped half way by a decision whose label the result's schema lacks)")
    func differentSchemas() async throws {
        let workspace = try TestWorkspace(
            "adjudicate-schemas-", files: ["corpus/d.txt": "Müller sagte, das Wetter sei schön.\n", "odd.json": #"{"name": "odd", "claim_forms": ["quote", "paraphrase"]}"#])
        defer { workspace.remove() }
        let folder = workspace.url
        let run = { (arguments: [String], input: String) async throws -> WorkbenchProcess.Result in
            try await WorkbenchProcess.run(arguments, stdin: input, directory: folder)
        }
        let a = try await run(["annotate", "corpus", "--session", "sa", "--annotator", "sa", "--schema", "odd.json"], "sp Müller\ncl \"das Wetter sei schön\" by S1 form quote\nquit\n")
        #expect(a.status == 0, "\(a.stdout)\(a.stderr)")
        let b = try await run(["annotate", "corpus", "--session", "sb", "--annotator", "sb"], "sp Müller\ncl \"das Wetter sei schön\" by S1 form indirect\nquit\n")
        #expect(b.status == 0, "\(b.stdout)\(b.stderr)")
        let result = try await run(["adjudicate", "sessions/sa.json", "sessions/sb.json", "--out", "gold", "--adjudicator", "carla"], "2\n")
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("sessions/sa.json and sessions/sb.json use different schemas (claim forms quote, paraphrase against direct, indirect"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/gold.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("sessions/gold.jsonl").path))
    }

    @Test("The differing field is shown first; aa N takes version N wherever this document's versions differ only there")
    func acceptAlikeInDocument() async throws {
        let folder = URL(fileURLWithPath: TestScratch.path("adjudicate-accept-alike-"))
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try Data("Müller sagte „Wir bleiben hier“ und „Wir gehen nicht“ heute.\n".utf8).write(to: folder.appendingPathComponent("corpus/d1.txt"))
        try Data("Müller sagte „Wir kommen wieder“ heute.\n".utf8).write(to: folder.appendingPathComponent("corpus/d2.txt"))
        let run = { (arguments: [String], input: String) async throws -> WorkbenchProcess.Result in
            try await WorkbenchProcess.run(arguments, stdin: input, directory: folder, environment: ["WORKBENCH_FAKE_CLOCK": "2026-01-01T09:00:00Z"])
        }
        for (name, form) in [("a1", "direct"), ("a2", "indirect")] {
            let commands = """
                speaker "Müller"
                cue "sagte"
                claim "Wir bleiben hier" by Müller form \(form)
                claim "Wir gehen nicht" by Müller form \(form)
                goto 2:1
                cue "sagte"
                claim "Wir kommen wieder" by Müller form \(form)
                quit

                """
            let result = try await run(["annotate", "corpus", "--session", name, "--annotator", name], commands)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let result = try await run(["adjudicate", "sessions/a1.json", "sessions/a2.json", "--out", "adj", "--adjudicator", "c"], "aa 2\n1\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("3 disagreements to go"), "\(result.stdout)")
        #expect(result.stdout.contains("differs in form: 1 direct | 2 indirect"), "\(result.stdout)")
        #expect(result.stdout.contains("[2/3] claim d1#1: version 2 taken (aa)"), "\(result.stdout)")
        #expect(result.stdout.contains("decided 3; done"), "\(result.stdout)")
        let merged = try SessionStore.load(path: folder.appendingPathComponent("sessions/adj.json").path)
        let forms = Dictionary(merged.state.claims.values.map { ($0.anchor.text, $0.form ?? "-") }, uniquingKeysWith: { a, _ in a })
        #expect(forms == ["Wir bleiben hier": "indirect", "Wir gehen nicht": "indirect", "Wir kommen wieder": "direct"])
    }

    @Test("Overlapping mentions of one speaker are one unit; the span is the field that differs")
    func overlappingMentionsAreOneUnit() async throws {
        let folder = URL(fileURLWithPath: TestScratch.path("adjudicate-overlap-"))
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try Data("Der Chef Ulrich Müller sagte „Wir bleiben“ heute.\n".utf8).write(to: folder.appendingPathComponent("corpus/d1.txt"))
        let run = { (arguments: [String], input: String) async throws -> WorkbenchProcess.Result in
            try await WorkbenchProcess.run(arguments, stdin: input, directory: folder, environment: ["WORKBENCH_FAKE_CLOCK": "2026-01-01T09:00:00Z"])
        }
        for (name, span) in [("a1", "Ulrich Müller"), ("a2", "Chef Ulrich Müller")] {
            let result = try await run(["annotate", "corpus", "--session", name, "--annotator", name], "sp \"\(span)\"\nquit\n")
            #expect(result.status == 0, "\(result.stderr)")
        }
        let result = try await run(["adjudicate", "sessions/a1.json", "sessions/a2.json", "--out", "adj", "--adjudicator", "c"], "2\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 disagreements to go"), "\(result.stdout)")
        #expect(result.stdout.contains("differs in span: 1 „Ulrich Müller“ | 2 „Chef Ulrich Müller“"), "\(result.stdout)")
        let merged = try SessionStore.load(path: folder.appendingPathComponent("sessions/adj.json").path)
        #expect(merged.state.mentions.values.map(\.anchor.text) == ["Chef Ulrich Müller"])
    }
}
