#pragma once
// `spur serve [FOLDER] [--port 8080] [--host 127.0.0.1]`: a local web application on the
// folder's inspection files (docs/serve.md). The only translation unit including httplib.

#include <CLI/CLI.hpp>
#include <string>

#include "spur/rule_book.hpp"

namespace spur::cli {

struct ServeOptions {
  std::string folder = ".";
  int port = 8080;
  std::string host = "127.0.0.1";
};

/// Adds the `serve` subcommand to `app`, filling `options`; returns it.
CLI::App* add_serve_command(CLI::App& app, ServeOptions& options);

/// Serves until interrupted: 0 after a clean stop, 1 when the folder is missing or the port
/// cannot be opened (the message says which and what to do).
int run_serve(const ServeOptions& options, const RuleBook& book);

}  // namespace spur::cli
