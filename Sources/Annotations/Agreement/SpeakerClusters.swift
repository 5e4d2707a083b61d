/// Canonical speakers matched across sessions: two speakers are the same when their canonical
/// names or aliases give the same ``SpeakerResolver`` key. Matching is transitive.
public struct SpeakerClusters: Sendable {
    /// Cluster number per session index and speaker id.
    private var clusterOf: [Int: [String: Int]] = [:]
    /// Display name per cluster (the canonical name as the first session that has it writes it).
    public private(set) var names: [Int: String] = [:]
    /// Speakers without a counterpart in at least one other session: (session index, speaker).
    public private(set) var unmatched: [(session: Int, speaker: Speaker)] = []

    /// Clusters the speakers of `states` (one state per annotator).
    public init(states: [AnnotationState]) {
        let resolver = SpeakerResolver()
        var nodes: [(session: Int, speaker: Speaker)] = []
        for (s, state) in states.enumerated() {
            for speaker in AnnotationState.sortedByID(state.speakers) { nodes.append((s, speaker)) }
        }
        var parent = Array(nodes.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        var owner: [[String]: Int] = [:]
        for (n, node) in nodes.enumerated() {
            for form in [node.speaker.name] + node.speaker.aliases {
                let key = resolver.key(form)
                guard !key.isEmpty else { continue }
                if let other = owner[key] {
                    let a = find(n), b = find(other)
                    if a != b { parent[max(a, b)] = min(a, b) }
                } else {
                    owner[key] = n
                }
            }
        }
        var members: [Int: Set<Int>] = [:]
        for (n, node) in nodes.enumerated() {
            let root = find(n)
            clusterOf[node.session, default: [:]][node.speaker.id] = root
            if names[root] == nil { names[root] = nodes[root].speaker.name }
            members[root, default: []].insert(node.session)
        }
        for (n, node) in nodes.enumerated() where (members[find(n)]?.count ?? 0) < states.count {
            unmatched.append(node)
        }
    }

    /// The cluster of a speaker of session `session`, if the speaker exists.
    public func cluster(session: Int, speaker: String?) -> Int? {
        guard let speaker else { return nil }
        return clusterOf[session]?[speaker]
    }

    /// The display name of a cluster, or `(none)` for no speaker.
    public func name(_ cluster: Int?) -> String {
        guard let cluster else { return "(none)" }
        return names[cluster] ?? "?"
    }
}
