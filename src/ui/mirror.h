// The accessible mirror, as data. Every interactive item the widgets draw is recorded here with its
// role, accessible name, value and state; the web layer turns the list into a visually hidden DOM
// tree, and sends back what a person did there (click, type, focus) as actions the widgets consume
// on the next frame. Nothing here touches the DOM.
#pragma once
#include <string>
#include <vector>

typedef unsigned int ImGuiID;

namespace ui {

// Group opens a labelled group of the items after it, up to its GroupEnd (groups do not nest); ListBox
// opens a list of Options the same way. A ComboBox is a text box that owns a ListBox (ARIA 1.2 combobox):
// focus stays in the box while Up, Down, Home and End move the list's highlight (ActionKind::Key).
enum class Role { Heading, Text, Button, Link, Checkbox, TextBox, Alert, Group, GroupEnd, ComboBox, ListBox, Option };

struct MirrorNode {
    ImGuiID id = 0;
    Role role = Role::Text;
    std::string name;         // the visible label, or the text itself
    std::string value;        // text boxes; never a secret's value
    std::string description;  // hint, or the error shown beside the field
    std::string href;         // links
    bool checked = false, disabled = false, invalid = false, secret = false, filled = false, readonly = false;
    bool focus = false;       // move DOM focus here (the field to fix after a refused Save)
    bool selected = false;    // an Option: the highlighted one
    bool expanded = false;    // a ComboBox: its list shows options
    ImGuiID controls = 0, active = 0; // a ComboBox: its ListBox, and the Option highlighted there (0: none)
    bool repeats = false;     // text a control's description already says: hidden from assistive tech
    int level = 0;            // headings
    float x = 0, y = 0, w = 0, h = 0; // where it is drawn, in CSS pixels (for magnifiers, and tests)
    bool operator==(const MirrorNode&) const = default;
};

enum class ActionKind { Click, SetText, Insert, Key }; // Key: text is the DOM key name ("ArrowDown")

// What the page reports about a mirror element, as the number that crosses the C++/JS seam
// (amp_on_mirror). web/bundle.mjs reads this enum when it builds the loader, so both sides name
// the same numbers.
enum class PageAction : int { Click = 0, SetText = 1, Focus = 2, Blur = 3, Insert = 4, Key = 5 };

struct MirrorAction {
    ActionKind kind = ActionKind::Click;
    ImGuiID id = 0;
    std::string text;
};

struct Mirror {
    std::vector<MirrorNode> nodes;       // this frame's items, in drawing order
    std::vector<MirrorAction> pending;   // from the DOM, for the next frame
    std::vector<MirrorAction> current;   // this frame's, consumed by the item with that id
    ImGuiID focused = 0;                 // the item whose mirror element has DOM focus

    std::vector<MirrorNode> sent;        // the items the page was last told about

    // An action lives for one frame: one its item did not take (disabled, busy, gone) is dropped,
    // never kept to fire when the item comes back.
    void begin_frame() { nodes.clear(), current = std::move(pending), pending.clear(); }
    // Whether this frame's items differ from those last sent (and if so, they are now the sent ones):
    // comparing the items is cheap, building and parsing their JSON every frame is not.
    bool changed();
    void forget(); // drops everything; freeing zeroes the text typed into the mirror
    bool take(ImGuiID id, ActionKind kind, std::string* text = nullptr);
    std::string to_json() const;
};

Mirror& mirror(); // the current context's (ui/context.h): one per widget instance

} // namespace ui
