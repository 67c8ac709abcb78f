#pragma once
// The pages of `spur serve`, embedded in the program at build time from cli/serve/.

#include <string>
#include <string_view>

namespace spur::cli {

/// The HTML shell of every page, with its title and the server's token for requests that
/// change data.
std::string page_html(std::string_view title, std::string_view token);
std::string_view stylesheet();
std::string_view script();

}  // namespace spur::cli
