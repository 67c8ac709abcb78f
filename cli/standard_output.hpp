#pragma once
// Standard output whose failures are not lost: a full disk or /dev/full is exit 1 with a
// message, never a truncated report with exit 0.

namespace spur::cli {

/// Sends std::cout through a buffer that remembers why a write failed, and checks it when the
/// program exits: output that could not be written ends the command with exit 1 and
/// "spur: cannot write to standard output: REASON". A reader that closed the pipe
/// (`spur rules | head`) ends the command quietly. Call once, first thing in main.
void guard_standard_output();

}  // namespace spur::cli
