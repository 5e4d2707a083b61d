/// A reviewer's verdict on one annotation.
public struct ReviewDecision: Sendable, Hashable, Codable {
    /// The verdicts a reviewer can give.
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
        case accepted, rejected, corrected
    }

    /// The annotation reviewed.
    public var annotation: String
    /// The verdict.
    public var verdict: Verdict
    /// Why (required for rejections).
    public var reason: String?
    /// Who reviewed.
    public var reviewer: String

    /// Creates a decision.
    public init(annotation: String, verdict: Verdict, reason: String? = nil, reviewer: String) {
        self.annotation = annotation
        self.verdict = verdict
        self.reason = reason
        self.reviewer = reviewer
    }
}
