#!/usr/bin/env bash
# check-windows-exe.sh EXE: fails unless EXE is a PE32+ x86-64 GUI program
# whose DLL imports are all Windows system DLLs (nothing else to ship).
set -euo pipefail
exe=$1
dump=$(x86_64-w64-mingw32-objdump -p "$exe")
grep -q 'file format pei-x86-64' <<<"$dump" || { echo "$exe: not a PE32+ x86-64 executable" >&2; exit 1; }
grep -qE 'Subsystem\s+0*2\s' <<<"$dump" || { echo "$exe: not a GUI (windows subsystem) program" >&2; exit 1; }
system='^(kernel32|user32|gdi32|shell32|ole32|oleaut32|advapi32|comdlg32|comctl32|opengl32|winmm|ws2_32|imm32|dwmapi|shcore|setupapi|version|uxtheme|msvcrt|ntdll|bcrypt|crypt32|secur32|userenv|dnsapi|iphlpapi|netapi32|powrprof|mswsock|winspool\.drv|hid|dinput8|xinput1_4|api-ms-win-[a-z0-9-]+)\.dll$'
bad=0
while read -r dll; do
  if ! grep -qiE "$system" <<<"$dll"; then echo "$exe: needs non-system DLL $dll" >&2; bad=1; fi
done < <(grep -oP 'DLL Name: \K\S+' <<<"$dump" | sort -u)
[ "$bad" -eq 0 ] || exit 1
echo "$exe: PE32+ x86-64 GUI executable; DLLs: $(grep -oP 'DLL Name: \K\S+' <<<"$dump" | sort -u | tr '\n' ' ')"
