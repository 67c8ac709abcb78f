#pragma once
/// \file
/// Writing files safely: the whole content or nothing, never a half-written file.

#include <filesystem>
#include <string_view>

namespace spur {

/// Whether an existing file may be replaced.
enum class Overwrite : bool { refuse, replace };

/// Writes `content` to `path` atomically: into a temporary file in the same folder, flushed to
/// disk, then renamed over `path`. An existing `path` is replaced only with Overwrite::replace
/// (a symbolic link is replaced, never followed). Throws FileError, naming the file and what
/// to do, when the file exists and may not be replaced or when any step fails; the old file
/// is then untouched and no temporary file is left behind.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           Overwrite overwrite = Overwrite::refuse);

}  // namespace spur
