// The consent stand-in's pages: its developer console (what a builder copies App ID and App Secret
// from), the consent page with Approve and Deny (for any provider, named by its display name), and the
// error page Pinterest shows instead of redirecting when an authorize request is wrong.
#pragma once
#include "sandbox/pinterest.h"

#include <string>

namespace amp::sandbox {

std::string console_page(const PinterestApp& app, const std::string& secret);
std::string consent_page(const PinterestApp& app, const std::string& provider_name, const AuthorizeRequest& r,
                         const std::string& decision_path);
std::string consent_error_page(const std::string& error);
std::string brand_svg(bool logo, bool dark); // for the catalog's media URLs

} // namespace amp::sandbox
