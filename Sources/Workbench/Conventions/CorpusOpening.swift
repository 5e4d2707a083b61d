import Annotations

/// Loading and segmenting a corpus for a command, with progress on the meter: "loading corpus"
/// (MB read and normalised), then "segmenting" (documents). Every command opens its corpus here.
enum CorpusOpening {
    /// Loads the documents at `paths`.
    static func load(paths: [String], meter: ProgressMeter) throws(CorpusError) -> Corpus {
        meter.begin("loading corpus", total: nil, unit: .bytes)
        return try CorpusLoader().load(paths: paths) { done, total in meter.update(done, total: total) }
    }

    /// Segments every document of `corpus`, through the segmentation cache (see
    /// ``SegmentationCache/standard(environment:)``) when there is one.
    static func segment(_ corpus: Corpus, meter: ProgressMeter) -> SegmentedCorpus {
        meter.begin("segmenting", total: corpus.documents.count, unit: .items("documents"))
        guard let cache = SegmentationCache.standard() else { return SegmentedCorpus(corpus) { meter.update($0) } }
        return cache.segment(corpus) { meter.update($0) }.0
    }

    /// Loads and segments the corpus at `paths`.
    static func open(paths: [String], meter: ProgressMeter) throws(CorpusError) -> SegmentedCorpus {
        segment(try load(paths: paths, meter: meter), meter: meter)
    }
}
