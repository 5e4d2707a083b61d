import ArgumentParser

/// `team add-annotator --role`: what a team member may do. Parsed by the command line (an unknown
/// role is a usage error before anything connects) and offered by shell completion.
enum MemberRole: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Writes their own session.
    case annotator
    /// Writes the adjudicated session and reads all.
    case adjudicator
    /// Reads all.
    case reviewer
}
