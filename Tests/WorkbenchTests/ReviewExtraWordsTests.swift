@testable import Annotations
import Foundation
import Testing

/// Piped `review`: `accept Q2` on the card of M1 (the reviewer meaning another annotation) is
/// refused and gives no verdict; before, it accepted M1 without a word.
@Suite("review: words after accept and skip")
struct ReviewExtraWordsTests {
    @Test("accept with an id after it is refused and accepts nothing; accept alone goes on")
    func acceptWithAnId() async throws {
        let fixture = try ReplayFixture()
        // Queue order: M1, Q1, C1, …
        let result = try await fixture.run(
            ["review", fixture.sessionPath, "--reviewer", "rita", "--out", "r3"], stdin: "accept C1\nskip 2\naccept\n")
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("'accept' takes no arguments (got 'C1'); it acts on the annotation shown"), "\(result.stdout)")
        #expect(result.stdout.contains("'skip' takes no arguments (got '2')"), "\(result.stdout)")
        let file = try SessionStore.read(path: fixture.path("sessions/r3.json")).file
        #expect(file.reviews.map(\.annotation) == ["M1"], "only the plain accept gave a verdict, on the card shown")
    }
}
