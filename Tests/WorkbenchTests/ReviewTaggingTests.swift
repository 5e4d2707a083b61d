import Foundation
import Testing

@Suite("Review corrections with the REPL's tagging commands")
struct ReviewTaggingTests {
    @Test("A tagging command corrects the reviewed annotation; what it adds is accepted; the result verifies")
    func correctWithTagging() async throws {
        let workspace = try REPLWorkspace()
        defer { workspace.remove() }
        let annotate = try await workspace.run(
            ["annotate", "--session", "w", "--annotator", "anna"],
            commands: ["goto 1:8", "speaker \"Robert Wood\"", "claim 2-10", "quit"])
        #expect(annotate.status == 0, "\(annotate.stderr)")
        let original = try Data(contentsOf: workspace.folder.appendingPathComponent("sessions/w.json"))
        let review = try await workspace.run(
            ["review", "sessions/w.json", "--reviewer", "rita"],
            commands: ["accept", "tokens", "claim 2-26 by S1 form direct", "edit M1 role Diplomat", "quit"],
            environment: ["USER": "rita"])
        #expect(review.stdout.contains("C2"), "\(review.stdout)\(review.stderr)")
        let reviewed = try workspace.session("w.reviewed")
        let reviews = reviewed["reviews"] as? [[String: Any]] ?? []
        let verdicts = Dictionary(uniqueKeysWithValues: reviews.compactMap { item -> (String, String)? in
            guard let id = item["annotation"] as? String, let verdict = item["verdict"] as? String else { return nil }
            return (id, verdict)
        })
        #expect(verdicts["C1"] == "accepted")
        #expect(verdicts["C2"] == "accepted", "the reviewer's own claim is accepted")
        #expect(verdicts["M1"] == "corrected", "the edited mention is marked corrected")
        let m1 = try workspace.annotations("w.reviewed")["M1"]
        #expect(m1?["role"] as? String == "Diplomat")
        #expect(try Data(contentsOf: workspace.folder.appendingPathComponent("sessions/w.json")) == original, "the original is untouched")
        let verify = try await WorkbenchProcess.run(["replay", "sessions/w.reviewed.json", "--verify"], directory: workspace.folder)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }
}
