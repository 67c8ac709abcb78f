#include "standard_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <streambuf>

namespace spur::cli {

namespace {

// A buffer for file descriptor 1 that keeps the errno of the first failed write; after it,
// output is dropped (the report is incomplete anyway) and the stream reports failure.
class CheckedBuffer : public std::streambuf {
 public:
  CheckedBuffer() { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type ch) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* p = pbase();
    auto n = static_cast<std::size_t>(pptr() - pbase());
    while (n > 0 && error_ == 0) {
      const ssize_t written = ::write(STDOUT_FILENO, p, n);
      if (written < 0) {
        if (errno != EINTR) error_ = errno;
        continue;
      }
      p += written;
      n -= static_cast<std::size_t>(written);
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return error_ == 0;
  }
  char buffer_[1 << 16];
  int error_ = 0;
};

// Never destroyed: std::cout may be flushed after static objects are gone.
CheckedBuffer* buffer = nullptr;

void check_at_exit() {
  std::cout.flush();
  int error = buffer ? buffer->error() : 0;
  // Anything written through C stdio (none of spur's own output) is checked too.
  if (std::fflush(stdout) != 0 && error == 0) error = errno;
  if (error == 0 && std::cout) return;
  if (error == EPIPE) std::_Exit(1);  // the reader has gone: nothing to tell it
  std::cerr << "spur: cannot write to standard output: "
            << (error != 0 ? std::strerror(error) : "write error") << "\n";
  std::_Exit(1);
}

}  // namespace

void guard_standard_output() {
  if (buffer) return;
  buffer = new CheckedBuffer;
  std::cout.rdbuf(buffer);
  std::atexit(check_at_exit);
}

}  // namespace spur::cli
