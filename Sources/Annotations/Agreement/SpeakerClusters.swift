/// Canonical speakers matched across sessions, one to one: a cluster holds at most one speaker of
/// each session.
///
/// Two speakers of different sessions match through a name key (``SpeakerResolver``) they share:
/// canonical name with canonical name first, then a canonical name with an alias, then alias with
/// alias. A key that several speakers of one session carry (an alias such as "Die" given to many)
/// tells nothing and is not used for that session. A link is only made when the two clusters it
/// joins have no session in common, so no speaker is ever matched with two speakers of another
/// session.
struct SpeakerClusters: Sendable {
    /// Cluster number per session index and speaker id.
    private var clusterOf: [Int: [String: Int]] = [:]
    /// Display name per cluster (the canonical name as the first session that has it writes it).
    private(set) var names: [Int: String] = [:]
    /// Speakers without a counterpart in at least one other session: (session index, speaker).
    private(set) var unmatched: [(session: Int, speaker: Speaker)] = []

    /// Clusters the speakers of `states` (one state per annotator).
    init(states: [AnnotationState]) {
        let resolver = SpeakerResolver()
        var nodes: [(session: Int, speaker: Speaker)] = []
        for (s, state) in states.enumerated() {
            for speaker in AnnotationState.sortedByID(state.speakers) { nodes.append((s, speaker)) }
        }
        // Per session and key: the speakers carrying it, and whether one carries it as canonical name.
        struct Carrier { var nodes: [Int] = []; var asName: Set<Int> = [] }
        var carriers: [[[String]: Carrier]] = Array(repeating: [:], count: states.count)
        for (n, node) in nodes.enumerated() {
            let nameKey = resolver.key(node.speaker.name)
            var keys: [[String]] = []
            for form in [node.speaker.name] + node.speaker.aliases {
                let key = resolver.key(form)
                if !key.isEmpty, !keys.contains(key) { keys.append(key) }
            }
            for key in keys {
                carriers[node.session][key, default: Carrier()].nodes.append(n)
                if key == nameKey { carriers[node.session][key, default: Carrier()].asName.insert(n) }
            }
        }
        // Candidate links between sessions through keys that name exactly one speaker in each.
        var links: [(rank: Int, first: Int, second: Int)] = []
        for i in states.indices {
            for (key, carrier) in carriers[i] where carrier.nodes.count == 1 {
                for j in states.indices where j > i {
                    guard let other = carriers[j][key], other.nodes.count == 1 else { continue }
                    let x = carrier.nodes[0], y = other.nodes[0]
                    let rank = (carrier.asName.contains(x) ? 0 : 1) + (other.asName.contains(y) ? 0 : 1)
                    links.append((rank, x, y))
                }
            }
        }
        links.sort { ($0.rank, $0.first, $0.second) < ($1.rank, $1.first, $1.second) }
        var parent = Array(nodes.indices)
        var sessionsOf = nodes.map { Set([$0.session]) }
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for link in links {
            let a = find(link.first), b = find(link.second)
            guard a != b, sessionsOf[a].isDisjoint(with: sessionsOf[b]) else { continue }
            let (root, child) = (min(a, b), max(a, b))
            parent[child] = root
            sessionsOf[root].formUnion(sessionsOf[child])
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
    func cluster(session: Int, speaker: String?) -> Int? {
        guard let speaker else { return nil }
        return clusterOf[session]?[speaker]
    }

    /// The speaker of session `session` in `cluster`, if that session has one.
    func speaker(in cluster: Int, session: Int) -> String? {
        clusterOf[session]?.first { $0.value == cluster }?.key
    }

    /// The display name of a cluster, or `(none)` for no speaker.
    func name(_ cluster: Int?) -> String {
        guard let cluster else { return "(none)" }
        return names[cluster] ?? "?"
    }
}
