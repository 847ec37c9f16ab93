package io.github.kubesignin.ui.tray;

import io.github.kubesignin.reminder.ProfileAction;
import io.github.kubesignin.reminder.ReminderSettings;
import io.github.kubesignin.reminder.TrayMenuItem;
import java.awt.CheckboxMenuItem;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

/** Turns the menu records into AWT menu items; the only logic here is which callback each item calls. */
final class TrayMenuRenderer {
    private TrayMenuRenderer() {
    }

    /**
     * Fills {@code menu} (replacing what it held) with a submenu per profile and the window items.
     *
     * @param onProfileAction what a profile's submenu item does
     * @param onSettings      a profile's reminder settings as the person just changed them
     */
    static void fill(PopupMenu menu, List<TrayMenuItem> items, BiConsumer<String, ProfileAction> onProfileAction,
                     BiConsumer<String, ReminderSettings> onSettings, TrayActions actions) {
        menu.removeAll();
        for (TrayMenuItem item : items) {
            if (item instanceof TrayMenuItem.ProfileEntry entry) {
                Menu submenu = new Menu(entry.label());
                for (ProfileAction action : entry.actions()) {
                    MenuItem actionItem = new MenuItem(action.label());
                    actionItem.addActionListener(event -> onProfileAction.accept(entry.profile(), action));
                    submenu.add(actionItem);
                }
                submenu.addSeparator();
                addSettings(submenu, entry, onSettings);
                menu.add(submenu);
            } else if (item instanceof TrayMenuItem.Separator) {
                menu.addSeparator();
            } else if (item instanceof TrayMenuItem.OpenWindow open) {
                MenuItem openItem = new MenuItem(open.label());
                openItem.addActionListener(event -> actions.openWindow());
                menu.add(openItem);
            } else if (item instanceof TrayMenuItem.Quit quit) {
                MenuItem quitItem = new MenuItem(quit.label());
                quitItem.addActionListener(event -> actions.quit());
                menu.add(quitItem);
            }
        }
    }

    private static void addSettings(Menu submenu, TrayMenuItem.ProfileEntry entry,
                                    BiConsumer<String, ReminderSettings> onSettings) {
        ReminderSettings current = entry.reminder();
        CheckboxMenuItem auto = new CheckboxMenuItem("Renew automatically", current.autoRefresh());
        auto.addItemListener(event -> onSettings.accept(entry.profile(),
                new ReminderSettings(current.leadTime(), auto.getState())));
        submenu.add(auto);
        Menu lead = new Menu("Remind before expiry");
        for (Duration choice : entry.leadTimeChoices()) {
            CheckboxMenuItem item = new CheckboxMenuItem(choice.toMinutes() + " min", choice.equals(current.leadTime()));
            item.addItemListener(event -> onSettings.accept(entry.profile(),
                    new ReminderSettings(choice, current.autoRefresh())));
            lead.add(item);
        }
        submenu.add(lead);
    }
}
