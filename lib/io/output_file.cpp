// Atomic file replacement: mkstemp in the target's folder, write, fsync, rename.

#include "spur/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "spur/error.hpp"

namespace spur {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& what, int err) {
  throw FileError(what + ": " + std::strerror(err), path.string());
}

// Removes the temporary file unless it was renamed into place.
struct TemporaryFile {
  std::string name;
  int fd = -1;
  bool keep = false;
  ~TemporaryFile() {
    if (fd >= 0) ::close(fd);
    if (!keep && !name.empty()) ::unlink(name.c_str());
  }
};

}  // namespace

void write_file_atomically(const fs::path& path, std::string_view content, Overwrite overwrite) {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (fs::exists(status)) {
    if (fs::is_directory(status))
      throw FileError("is a folder; name a file to write", path.string());
    if (overwrite == Overwrite::refuse)
      throw FileError("already exists; use --force (Python: force=True) to replace it",
                      path.string());
  }
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  TemporaryFile tmp;
  tmp.name = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  tmp.fd = ::mkstemp(tmp.name.data());
  if (tmp.fd < 0) {
    const int err = errno;
    tmp.name.clear();
    fail(path, "cannot create a file in " + folder.string(), err);
  }
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(tmp.fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path, "cannot write", errno);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fchmod(tmp.fd, 0644) != 0) fail(path, "cannot set permissions", errno);
  if (::fsync(tmp.fd) != 0) fail(path, "cannot write", errno);
  if (::close(tmp.fd) != 0) {
    tmp.fd = -1;
    fail(path, "cannot write", errno);
  }
  tmp.fd = -1;
  // RENAME_NOREPLACE closes the race with a file created since the check above.
  const unsigned flags = overwrite == Overwrite::refuse ? RENAME_NOREPLACE : 0;
  if (::renameat2(AT_FDCWD, tmp.name.c_str(), AT_FDCWD, path.c_str(), flags) != 0) {
    if (errno == EEXIST)
      throw FileError("already exists; use --force (Python: force=True) to replace it",
                      path.string());
    fail(path, "cannot write", errno);
  }
  tmp.keep = true;
}

}  // namespace spur
