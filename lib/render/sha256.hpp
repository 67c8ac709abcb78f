#pragma once
// SHA-256 (FIPS 180-4), to stamp a report with the rule files it was graded with.

#include <string>
#include <string_view>

namespace spur::wording {

/// Incremental SHA-256.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  /// The digest as 64 lower-case hex digits; the object is spent afterwards.
  std::string hex();

 private:
  void block(const unsigned char* p);
  unsigned int h_[8];
  unsigned char buffer_[64];
  std::size_t used_ = 0;
  unsigned long long length_ = 0;
};

}  // namespace spur::wording
