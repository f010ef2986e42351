# Browser tests (tests/test_web*.py, #8) drive Debian's Chromium through Playwright;
# Playwright's own browser downloads are never used.
apt_install chromium
export NEWSGRAPH_CHROMIUM="${NEWSGRAPH_CHROMIUM:-/usr/bin/chromium}"
