// Text of a PDF through poppler's C++ library, page after page.

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>

#include "spur/import.hpp"

namespace spur {

namespace {
void quiet(const std::string&, void*) {}
}  // namespace

std::string pdf_text(std::string_view data, const std::string& name) {
  poppler::set_debug_error_function(quiet, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size())));
  if (!doc) throw FileError("is a damaged or unreadable PDF: not a SPUR report it can read", name);
  if (doc->is_locked())
    throw FileError("is a password-protected PDF; save it without a password and import again",
                    name);
  std::string out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    const auto bytes = page->text().to_utf8();
    out.append(bytes.begin(), bytes.end());
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace spur
