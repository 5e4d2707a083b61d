import Foundation
import Testing
import TestSupport

extension TestWorkspace {
    /// A workspace with two corpora and a session on each, made by `annotate` as a user makes
    /// them: `sessions/sa.json` (annotator `sa`) on `corpus` ("Müller sagte, das Wetter sei
    /// schön."), `sessions/sb.json` (annotator `sb`) on `other` ("Schulz sagte, es regne."), each
    /// with one speaker and its log.
    static func sessionsOnTwoCorpora() async throws -> TestWorkspace {
        let workspace = try TestWorkspace(
            "two-corpora-", files: ["corpus/d.txt": "Müller sagte, das Wetter sei schön.\n", "other/d.txt": "Schulz sagte, es regne.\n"])
        for (corpus, session) in [("corpus", "sa"), ("other", "sb")] {
            let made = try await WorkbenchProcess.run(
                ["annotate", corpus, "--session", session, "--annotator", session], stdin: "sp 1\nquit\n", directory: workspace.url)
            #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        }
        return workspace
    }
}
