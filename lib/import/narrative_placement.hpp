#pragma once
// Which area a block of a report's narrative belongs to. The heading above a block says so,
// unless a page break has broken the heading order: then the block's content decides (the
// area titles and requirement texts it speaks of or restates), and a warning names the line.

#include <cstddef>
#include <string>
#include <vector>

#include "import/parsed_report.hpp"
#include "spur/rule_book.hpp"

namespace spur::detail {

/// Where one block of narrative goes.
struct BlockPlacement {
  enum How {
    heading_order,  ///< under the heading above it, nothing says otherwise
    continuation,   ///< it continues the sentence an earlier block broke off
    content,        ///< moved by its content to an area other than the heading's
    uncertain       ///< the heading order is broken and the content does not decide
  };
  std::string area;  ///< "" for a block before every area heading
  How how = heading_order;
  std::size_t continues = 0;  ///< with `continuation`: the index of the block it continues
};

/// One placement per block, in order; a warning at the block's first line for each block moved
/// by its content or placed uncertainly.
std::vector<BlockPlacement> place_narrative(const RuleBook& book,
                                            const std::vector<LayoutMark>& marks,
                                            const std::vector<NarrativeBlock>& blocks,
                                            const std::string& source,
                                            std::vector<Diagnostic>& diagnostics);

}  // namespace spur::detail
