// The provider picker's screen: a search field and the providers it matches, as a list of rows that one
// click, tap or Enter chooses. The list and the query live in the core (core/picker.h); the screen only
// remembers how many rows it shows.
#pragma once
#include <cstddef>

#include "core/setup.h"
#include "ui/intent.h"
#include "ui/marks.h"

namespace ui {

struct PickerView {
    size_t rows = 0;       // matches shown: a page at first, more on request or as the highlight moves
    size_t shown_for = ~size_t(0); // the highlight last brought into view
};

// Each row leads with the provider's mark (ui/marks.h).
void picker(amp::Setup& s, PickerView& v, Marks& marks, Intents& out);

} // namespace ui
