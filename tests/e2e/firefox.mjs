// Firefox, as a clerk on a 信创 desktop or anywhere else may have it: Debian's Firefox ESR (set up
// by `make`), driven over WebDriver BiDi by playwright-core 1.64 (under the alias
// playwright-firefox), whose BiDi commands this ESR knows; the current playwright asks for some it
// does not. Playwright's own patched Firefox is never installed.
import { firefox } from "playwright-firefox";

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr";

export function launchFirefox() {
  return firefox.launch({ channel: "moz-firefox", executablePath: FIREFOX_PATH, headless: true });
}
