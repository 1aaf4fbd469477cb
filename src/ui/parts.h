// Small pieces more than one screen uses.
#pragma once
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/setup.h"
#include "ui/intent.h"
#include "ui/screens.h"

namespace ui {

// What support needs about a failure, ready to paste into a ticket (public fields only: no secret).
amp::Diagnostics diagnostics(const amp::Setup& s, const View& v);
void copy_diagnostics(const amp::Diagnostics& d, const char* label, Intents& out); // a button
std::string joined(const std::vector<std::string>& v); // "a, b, c", or "none"
// An RFC 3339 time from the API as the admin reads it: local, in the admin's language ("Jan 1, 2026,
// 09:30"), by the page's formatter (View::format_time). Unreadable text, or no formatter, shows it as it came.
std::string local_time(const View& v, const std::string& rfc3339);
// A muted line naming an id, then a Copy button for it: ids are for pasting, not for reading.
void copy_id(const std::string& line, const std::string& id, const char* button_id, View& v, Intents& out);
// True on the frames an outcome first shows under this key in its slot (an empty key: none now).
bool fresh(View& v, View::Slot slot, const std::string& key);
// Brings the outcome just drawn into view on the frames after it first shows under this key (an empty
// key: nothing shown in that slot now).
void keep_in_view(View& v, View::Slot slot, const std::string& key);

} // namespace ui
