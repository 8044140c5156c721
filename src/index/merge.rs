//! Which segments the writer merges: tantivy's log merge policy, with no merge reading more
//! than [`MAX_MERGE_DOCS`] documents.
//!
//! A merge reads its segments through memory maps, and every page it reads counts in the
//! process's resident memory until the merge is done. With tantivy's default policy a run over a
//! 1 GB archive ended by merging everything into one segment, and that last merge alone mapped
//! 920 MB. Bounding the documents one merge may read bounds that memory whatever the archive's
//! size; a large archive keeps several segments of at most that size, which a query visits in
//! turn. The writer runs one merge at a time (`SearchIndex::writer`), or two such merges would
//! map twice that.

use std::collections::HashMap;

use tantivy::index::{SegmentId, SegmentMeta};
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// Most documents (counting deleted ones, which are still in the files) one merge may read:
/// about 230 MB of index files at this schema's average of 2.3 KB per document.
pub const MAX_MERGE_DOCS: u32 = 100_000;

/// The log merge policy's candidates, each cut into merges of at most `max_docs` documents.
#[derive(Debug, Clone)]
pub struct BoundedMerges {
    log: LogMergePolicy,
    max_docs: u32,
}

impl Default for BoundedMerges {
    fn default() -> Self {
        Self::new(MAX_MERGE_DOCS)
    }
}

impl BoundedMerges {
    /// A policy whose merges read at most `max_docs` documents.
    #[must_use]
    pub fn new(max_docs: u32) -> Self {
        let mut log = LogMergePolicy::default();
        // A segment above half the bound has no partner it could be merged with: leave it out
        // of the levels, so that it does not hold smaller segments back from theirs.
        log.set_max_docs_before_merge(max_docs as usize / 2);
        Self { log, max_docs }
    }

    /// Cuts one candidate into merges within the bound: smallest segments first, each merge
    /// filled until the next segment would not fit; a merge of one segment is none.
    fn cut(
        &self,
        candidate: MergeCandidate,
        docs: &HashMap<SegmentId, u32>,
    ) -> Vec<MergeCandidate> {
        let mut ids = candidate.0;
        ids.sort_by_key(|id| docs.get(id).copied().unwrap_or(0));
        let mut out = Vec::new();
        let mut group: Vec<SegmentId> = Vec::new();
        let mut total = 0u32;
        for id in ids {
            let n = docs.get(&id).copied().unwrap_or(0);
            if !group.is_empty() && total.saturating_add(n) > self.max_docs {
                out.push(std::mem::take(&mut group));
                total = 0;
            }
            group.push(id);
            total = total.saturating_add(n);
        }
        out.push(group);
        out.into_iter().filter(|g| g.len() > 1).map(MergeCandidate).collect()
    }
}

impl MergePolicy for BoundedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs: HashMap<SegmentId, u32> =
            segments.iter().map(|s| (s.id(), s.max_doc())).collect();
        self.log
            .compute_merge_candidates(segments)
            .into_iter()
            .flat_map(|c| self.cut(c, &docs))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metas(sizes: &[u32]) -> Vec<SegmentMeta> {
        let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
        sizes.iter().map(|&n| index.new_segment_meta(SegmentId::generate_random(), n)).collect()
    }

    fn merged_sizes(policy: &BoundedMerges, segments: &[SegmentMeta]) -> Vec<u32> {
        let docs: HashMap<SegmentId, u32> =
            segments.iter().map(|s| (s.id(), s.max_doc())).collect();
        let mut sizes: Vec<u32> = policy
            .compute_merge_candidates(segments)
            .iter()
            .map(|c| c.0.iter().map(|id| docs[id]).sum())
            .collect();
        sizes.sort_unstable();
        sizes
    }

    #[test]
    fn small_segments_merge_as_the_log_policy_says() {
        // Eight segments of a level: one merge, as tantivy's default would make.
        let segments = metas(&[3_000; 8]);
        assert_eq!(merged_sizes(&BoundedMerges::default(), &segments), vec![24_000]);
        // Seven: no merge yet.
        assert!(merged_sizes(&BoundedMerges::default(), &metas(&[3_000; 7])).is_empty());
    }

    #[test]
    fn no_merge_reads_more_than_the_bound() {
        // Ten segments of 30,000 documents would be one merge of 300,000.
        let segments = metas(&[30_000; 10]);
        let sizes = merged_sizes(&BoundedMerges::new(100_000), &segments);
        assert_eq!(sizes, vec![90_000; 3]);
        assert!(sizes.iter().all(|&n| n <= 100_000));
    }

    #[test]
    fn segments_above_half_the_bound_stay_as_they_are() {
        let segments = metas(&[60_000; 9]);
        assert!(merged_sizes(&BoundedMerges::new(100_000), &segments).is_empty());
    }
}
