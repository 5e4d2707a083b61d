import Annotations

/// Loading and segmenting a corpus for a command, with progress on the meter: "loading corpus"
/// (MB read and normalised), then "segmenting" (documents). Every command opens its corpus here.
enum CorpusOpening {
    /// Loads the documents at `paths`.
    static func load(paths: [String], meter: ProgressMeter) throws(CorpusError) -> Corpus {
        meter.begin("loading corpus", total: nil, unit: .bytes)
        return try CorpusLoader().load(paths: paths) { done, total in meter.update(done, total: total) }
    }

    /// Segments and tokenizes every document of `corpus`.
    static func segment(_ corpus: Corpus, meter: ProgressMeter) -> SegmentedCorpus {
        meter.begin("segmenting", total: corpus.documents.count, unit: .items("documents"))
        return SegmentedCorpus(corpus) { meter.update($0) }
    }

    /// Loads and segments the corpus at `paths`.
    static func open(paths: [String], meter: ProgressMeter) throws(CorpusError) -> SegmentedCorpus {
        segment(try load(paths: paths, meter: meter), meter: meter)
    }
}
