/*
 * kubectl-signin: kubesignin's console launcher, the program that kubeconfig's exec entry runs.
 *
 * kubectl runs its credential plugin before every command. When the arguments are exactly
 * `get-token --profile NAME` (or `--profile=NAME`) and kubesignin's cache holds an ExecCredential that Java would
 * still hand out, this prints that file as it is and exits 0, without starting a JVM. In every other case, and at
 * the smallest doubt, it runs the JVM launcher `kubesignin-cli` that sits in the same directory as the real path
 * of this program (symlinks such as /usr/bin/kubectl-signin are resolved), with the arguments unchanged.
 *
 * The cache (written by session/TokenCache.java) lives in $XDG_CACHE_HOME/kubesignin, else
 * $HOME/.cache/kubesignin, else <the user's home>/.cache/kubesignin, as app/AppDirectories.java decides on every
 * OS. Per profile:
 *   NAME.exec-credential.json   the ExecCredential (client.authentication.k8s.io/v1) that get-token prints;
 *   NAME.exec-credential.until  the epoch second before which it may be printed (its expiry minus Java's safety
 *                               margin), decimal and a newline; deleted before and written after the credential.
 * The launcher reads the deadline first, then the credential, then checks that the deadline file is still the
 * one it read (same inode, kept open meanwhile): Java deletes it before replacing the credential, so a credential
 * that changed in between is noticed and the JVM decides instead.
 *
 * Plain C99 + POSIX.1-2008 (XSI for realpath), no libraries. Build: packaging/launcher/build.sh OUT_DIR.
 */
#if !defined(_WIN32)
#define _XOPEN_SOURCE 700 /* POSIX.1-2008 with realpath */
#endif

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(_WIN32)
#include <wchar.h>
#include <wctype.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif
#endif

#define PROGRAM "kubectl-signin"
#define DEADLINE_SUFFIX ".exec-credential.until"
#define CREDENTIAL_SUFFIX ".exec-credential.json"
/* exactly what TokenCache.execCredentialJson writes first and last for API version v1 */
#define CREDENTIAL_PREFIX "{\"kind\":\"ExecCredential\",\"apiVersion\":\"client.authentication.k8s.io/v1\","
#define CREDENTIAL_SUFFIX_TEXT "}\n"
/* an id_token with many groups is a few kB; anything far larger was not written by kubesignin */
#define MAX_CREDENTIAL_BYTES (1024 * 1024)
#define MAX_PROFILE_NAME 63

/* ---- checks shared by every OS: no I/O ------------------------------------------------------------------- */

/* ProfileValidator.isValidName: letters, digits, '-' and '_', at most 63, starting with a letter or digit. */
static int valid_profile_name(const char *name) {
    size_t length = strlen(name);
    if (length == 0 || length > MAX_PROFILE_NAME) {
        return 0;
    }
    for (size_t i = 0; i < length; i++) {
        char c = name[i];
        int letter_or_digit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!letter_or_digit && (i == 0 || (c != '-' && c != '_'))) {
            return 0;
        }
    }
    return 1;
}

/* The profile name when the arguments are exactly the kubeconfig invocation (GetTokenMain.simpleInvocation). */
static const char *simple_get_token_profile(int argc, char **argv) {
    const char *name = NULL;
    if (argc == 4 && strcmp(argv[1], "get-token") == 0 && strcmp(argv[2], "--profile") == 0) {
        name = argv[3];
    } else if (argc == 3 && strcmp(argv[1], "get-token") == 0 && strncmp(argv[2], "--profile=", 10) == 0) {
        name = argv[2] + 10;
    }
    return name != NULL && valid_profile_name(name) ? name : NULL;
}

static int is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static const char *skip_spaces(const char *p) {
    while (is_space(*p)) {
        p++;
    }
    return p;
}

static int is_blank(const char *text) {
    return text == NULL || *skip_spaces(text) == '\0';
}

/*
 * Whether KUBERNETES_EXEC_INFO lets the cached v1 credential answer: absent or blank (Java then speaks v1), or a
 * JSON object whose one and only "apiVersion" key is client.authentication.k8s.io/v1. Anything else (v1beta1, a
 * backslash that could hide an escaped key, a second apiVersion in the cluster config) goes to Java, which echoes
 * the right version or says what is wrong.
 */
static int exec_info_allows_v1(const char *info) {
    static const char key[] = "\"apiVersion\"";
    static const char v1[] = "\"client.authentication.k8s.io/v1\"";
    if (is_blank(info)) {
        return 1;
    }
    const char *start = skip_spaces(info);
    size_t length = strlen(start);
    while (length > 0 && is_space(start[length - 1])) {
        length--;
    }
    if (start[0] != '{' || start[length - 1] != '}' || strchr(start, '\\') != NULL) {
        return 0;
    }
    const char *found = strstr(start, key);
    if (found == NULL || strstr(found + 1, key) != NULL) {
        return 0;
    }
    const char *value = skip_spaces(found + sizeof key - 1);
    if (*value != ':') {
        return 0;
    }
    value = skip_spaces(value + 1);
    return strncmp(value, v1, sizeof v1 - 1) == 0;
}

/* The deadline file's content: 1 to 18 decimal digits and a newline, nothing else. */
static int parse_deadline(const char *text, size_t length, long long *deadline) {
    if (length < 2 || length > 19 || text[length - 1] != '\n') {
        return 0;
    }
    long long value = 0;
    for (size_t i = 0; i + 1 < length; i++) {
        if (text[i] < '0' || text[i] > '9') {
            return 0;
        }
        value = value * 10 + (text[i] - '0');
    }
    *deadline = value;
    return 1;
}

/* The file starts and ends as TokenCache writes a v1 ExecCredential. */
static int looks_like_v1_credential(const char *text, size_t length) {
    size_t prefix = sizeof CREDENTIAL_PREFIX - 1;
    size_t suffix = sizeof CREDENTIAL_SUFFIX_TEXT - 1;
    return length > prefix + suffix && memcmp(text, CREDENTIAL_PREFIX, prefix) == 0
            && memcmp(text + length - suffix, CREDENTIAL_SUFFIX_TEXT, suffix) == 0
            && memchr(text, '\0', length) == NULL;
}

/* TokenCache prints while floor(now) < deadline (deadline = expiry - margin, rounded down). */
static int before_deadline(long long deadline) {
    time_t now = time(NULL);
    return now != (time_t) -1 && (long long) now < deadline;
}

#if !defined(_WIN32)

/* ---- POSIX (Linux, macOS) --------------------------------------------------------------------------------- */

static int join(char *out, size_t size, const char *a, const char *b) {
    int n = snprintf(out, size, "%s%s", a, b);
    return n > 0 && (size_t) n < size;
}

/* AppDirectories.fromEnvironment(...).cache() */
static int cache_directory(char *out, size_t size) {
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (!is_blank(xdg)) {
        return join(out, size, xdg, "/kubesignin");
    }
    const char *home = getenv("HOME");
    if (is_blank(home)) {
        /* Java's user.home */
        struct passwd *entry = getpwuid(getuid());
        if (entry == NULL || entry->pw_dir == NULL) {
            return 0;
        }
        home = entry->pw_dir;
    }
    return join(out, size, home, "/.cache/kubesignin");
}

/* Ours, and nobody else can change it: TokenCache makes the directory 0700 and its files 0600. */
static int private_to_me(const struct stat *st, mode_t forbidden) {
    return st->st_uid == geteuid() && (st->st_mode & forbidden) == 0;
}

/*
 * Opens NAME inside the cache directory: a regular file (not a symlink), owned by this user, 0600 or stricter,
 * at most max bytes; reads it whole into a new buffer. Returns the open descriptor (for the caller to keep or
 * close), or -1.
 */
static int read_private_file(int dir, const char *name, size_t max, char **text, size_t *length, struct stat *st) {
    int fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return -1;
    }
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || !private_to_me(st, S_IRWXG | S_IRWXO)
            || st->st_size <= 0 || (unsigned long long) st->st_size > max) {
        close(fd);
        return -1;
    }
    size_t size = (size_t) st->st_size;
    char *buffer = malloc(size + 1);
    size_t done = 0;
    while (buffer != NULL && done <= size) { /* one byte more than expected must read as end of file */
        ssize_t n = read(fd, buffer + done, size + 1 - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        done += (size_t) n;
    }
    if (buffer == NULL || done != size) {
        free(buffer);
        close(fd);
        return -1;
    }
    *text = buffer;
    *length = size;
    return fd;
}

static int write_all(int fd, const char *text, size_t length) {
    while (length > 0) {
        ssize_t n = write(fd, text, length);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return 0;
        }
        text += n;
        length -= (size_t) n;
    }
    return 1;
}

/* 1 when the cached credential was printed; 0 when the JVM must decide (nothing was written). */
static int print_cached_credential(const char *profile) {
    char directory[PATH_MAX];
    char deadline_name[MAX_PROFILE_NAME + sizeof DEADLINE_SUFFIX];
    char credential_name[MAX_PROFILE_NAME + sizeof CREDENTIAL_SUFFIX];
    if (!cache_directory(directory, sizeof directory) || !join(deadline_name, sizeof deadline_name, profile, DEADLINE_SUFFIX)
            || !join(credential_name, sizeof credential_name, profile, CREDENTIAL_SUFFIX)) {
        return 0;
    }
    int dir = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) {
        return 0;
    }
    struct stat dir_st;
    if (fstat(dir, &dir_st) != 0 || !private_to_me(&dir_st, S_IWGRP | S_IWOTH)) {
        close(dir);
        return 0;
    }

    int printed = 0;
    char *deadline_text = NULL;
    char *credential = NULL;
    size_t deadline_length = 0;
    size_t credential_length = 0;
    struct stat deadline_st;
    struct stat credential_st;
    struct stat deadline_again;
    long long deadline = 0;
    /* keeping the deadline file open keeps its inode number from being reused until the check below */
    int deadline_fd = read_private_file(dir, deadline_name, 32, &deadline_text, &deadline_length, &deadline_st);
    if (deadline_fd >= 0 && parse_deadline(deadline_text, deadline_length, &deadline) && before_deadline(deadline)) {
        int credential_fd = read_private_file(dir, credential_name, MAX_CREDENTIAL_BYTES, &credential, &credential_length,
                &credential_st);
        if (credential_fd >= 0) {
            close(credential_fd);
            if (looks_like_v1_credential(credential, credential_length)
                    && fstatat(dir, deadline_name, &deadline_again, AT_SYMLINK_NOFOLLOW) == 0
                    && deadline_again.st_dev == deadline_st.st_dev && deadline_again.st_ino == deadline_st.st_ino) {
                if (!write_all(STDOUT_FILENO, credential, credential_length)) {
                    fprintf(stderr, PROGRAM ": cannot write the credential to standard output: %s\n", strerror(errno));
                    exit(1); /* part of it may be out: starting the JVM now would print a second one */
                }
                printed = 1;
            }
        }
    }
    if (deadline_fd >= 0) {
        close(deadline_fd);
    }
    free(deadline_text);
    free(credential);
    close(dir);
    return printed;
}

/* The real path of this program: symlinks resolved, so that the JVM launcher beside it is found. */
static int own_real_path(char *out, size_t size, const char *argv0) {
#if defined(__linux__)
    ssize_t n = readlink("/proc/self/exe", out, size - 1);
    if (n > 0 && (size_t) n < size - 1) {
        out[n] = '\0';
        return 1;
    }
#elif defined(__APPLE__)
    char path[PATH_MAX];
    uint32_t path_size = sizeof path;
    if (_NSGetExecutablePath(path, &path_size) == 0 && realpath(path, out) != NULL) {
        (void) size;
        return 1;
    }
#endif
    /* elsewhere, or without /proc: the path it was started by, when that is one */
    (void) size;
    return argv0 != NULL && strchr(argv0, '/') != NULL && size >= PATH_MAX && realpath(argv0, out) != NULL;
}

static int start_jvm_launcher(int argc, char **argv) {
    (void) argc;
    char self[PATH_MAX];
    char launcher[PATH_MAX + 32];
    if (!own_real_path(self, sizeof self, argv[0])) {
        fprintf(stderr, PROGRAM ": cannot find where this program is installed, so cannot start kubesignin-cli beside it\n");
        return 1;
    }
    char *slash = strrchr(self, '/');
    if (slash == NULL) {
        fprintf(stderr, PROGRAM ": cannot find where this program is installed, so cannot start kubesignin-cli beside it\n");
        return 1;
    }
    *slash = '\0';
    snprintf(launcher, sizeof launcher, "%s/kubesignin-cli", self);
    argv[0] = launcher;
    execv(launcher, argv);
    fprintf(stderr, PROGRAM ": cannot start %s (%s); reinstall kubesignin\n", launcher, strerror(errno));
    return 1;
}

#else

/* ---- Windows ---------------------------------------------------------------------------------------------- */
/*
 * The same checks where Windows has them: files, not links (reparse points), read whole, the deadline file still
 * the same (volume serial and file index) after the credential was read. There is no owner or mode check: the cache
 * lies in the user's profile folder, which only that user (and administrators) can change by default.
 */

static int is_blank_w(const wchar_t *text) {
    if (text == NULL) {
        return 1;
    }
    while (*text != L'\0' && iswspace(*text)) {
        text++;
    }
    return *text == L'\0';
}

/* AppDirectories: XDG_CACHE_HOME, else HOME, else Java's user.home (the profile folder) with .cache. */
static int cache_file_w(wchar_t *out, size_t size, const char *file_name) {
    const wchar_t *xdg = _wgetenv(L"XDG_CACHE_HOME");
    const wchar_t *home = _wgetenv(L"HOME");
    int n;
    if (!is_blank_w(xdg)) {
        n = _snwprintf(out, size, L"%ls\\kubesignin\\%hs", xdg, file_name);
    } else {
        if (is_blank_w(home)) {
            home = _wgetenv(L"USERPROFILE");
        }
        if (is_blank_w(home)) {
            return 0;
        }
        n = _snwprintf(out, size, L"%ls\\.cache\\kubesignin\\%hs", home, file_name);
    }
    return n > 0 && (size_t) n < size;
}

/* A regular file that is no link (reparse point), read whole; the handle stays open for the caller. */
static HANDLE read_plain_file(const wchar_t *path, size_t max, char **text, size_t *length, BY_HANDLE_FILE_INFORMATION *info) {
    HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
            OPEN_EXISTING, FILE_FLAG_OPEN_REPARSE_POINT, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        return INVALID_HANDLE_VALUE;
    }
    if (!GetFileInformationByHandle(file, info)
            || (info->dwFileAttributes & (FILE_ATTRIBUTE_REPARSE_POINT | FILE_ATTRIBUTE_DIRECTORY)) != 0
            || info->nFileSizeHigh != 0 || info->nFileSizeLow == 0 || info->nFileSizeLow > max) {
        CloseHandle(file);
        return INVALID_HANDLE_VALUE;
    }
    DWORD size = info->nFileSizeLow;
    char *buffer = malloc((size_t) size + 1);
    DWORD done = 0;
    DWORD n = 0;
    while (buffer != NULL && done <= size && ReadFile(file, buffer + done, size + 1 - done, &n, NULL) && n > 0) {
        done += n;
    }
    if (buffer == NULL || done != size) {
        free(buffer);
        CloseHandle(file);
        return INVALID_HANDLE_VALUE;
    }
    *text = buffer;
    *length = size;
    return file;
}

static int print_cached_credential(const char *profile) {
    char deadline_name[MAX_PROFILE_NAME + sizeof DEADLINE_SUFFIX];
    char credential_name[MAX_PROFILE_NAME + sizeof CREDENTIAL_SUFFIX];
    wchar_t deadline_path[MAX_PATH * 4];
    wchar_t credential_path[MAX_PATH * 4];
    snprintf(deadline_name, sizeof deadline_name, "%s%s", profile, DEADLINE_SUFFIX);
    snprintf(credential_name, sizeof credential_name, "%s%s", profile, CREDENTIAL_SUFFIX);
    if (!cache_file_w(deadline_path, MAX_PATH * 4, deadline_name) || !cache_file_w(credential_path, MAX_PATH * 4, credential_name)) {
        return 0;
    }
    int printed = 0;
    char *deadline_text = NULL;
    char *credential = NULL;
    size_t deadline_length = 0;
    size_t credential_length = 0;
    long long deadline = 0;
    BY_HANDLE_FILE_INFORMATION deadline_info;
    BY_HANDLE_FILE_INFORMATION credential_info;
    BY_HANDLE_FILE_INFORMATION again_info;
    HANDLE deadline_file = read_plain_file(deadline_path, 32, &deadline_text, &deadline_length, &deadline_info);
    if (deadline_file != INVALID_HANDLE_VALUE && parse_deadline(deadline_text, deadline_length, &deadline)
            && before_deadline(deadline)) {
        HANDLE credential_file = read_plain_file(credential_path, MAX_CREDENTIAL_BYTES, &credential, &credential_length,
                &credential_info);
        if (credential_file != INVALID_HANDLE_VALUE) {
            CloseHandle(credential_file);
            char *again_text = NULL;
            size_t again_length = 0;
            HANDLE again = read_plain_file(deadline_path, 32, &again_text, &again_length, &again_info);
            if (again != INVALID_HANDLE_VALUE) {
                CloseHandle(again);
                free(again_text);
                if (looks_like_v1_credential(credential, credential_length)
                        && again_info.dwVolumeSerialNumber == deadline_info.dwVolumeSerialNumber
                        && again_info.nFileIndexHigh == deadline_info.nFileIndexHigh
                        && again_info.nFileIndexLow == deadline_info.nFileIndexLow) {
                    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
                    DWORD written = 0;
                    size_t done = 0;
                    while (done < credential_length && WriteFile(out, credential + done, (DWORD) (credential_length - done), &written, NULL)
                            && written > 0) {
                        done += written;
                    }
                    if (done != credential_length) {
                        fprintf(stderr, PROGRAM ": cannot write the credential to standard output (error %lu)\n", GetLastError());
                        exit(1);
                    }
                    printed = 1;
                }
            }
        }
    }
    if (deadline_file != INVALID_HANDLE_VALUE) {
        CloseHandle(deadline_file);
    }
    free(deadline_text);
    free(credential);
    return printed;
}

/* Windows has no exec: run kubesignin-cli.exe with this process's command line and hand back its exit code. */
static int start_jvm_launcher(int argc, char **argv) {
    (void) argc;
    (void) argv;
    wchar_t module[MAX_PATH * 4];
    wchar_t self[MAX_PATH * 4];
    DWORD n = GetModuleFileNameW(NULL, module, MAX_PATH * 4);
    if (n == 0 || n >= MAX_PATH * 4) {
        fprintf(stderr, PROGRAM ": cannot find where this program is installed, so cannot start kubesignin-cli beside it\n");
        return 1;
    }
    /* the real path, in case this program was reached through a symbolic link */
    HANDLE file = CreateFileW(module, 0, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING,
            FILE_FLAG_BACKUP_SEMANTICS, NULL);
    DWORD real = 0;
    if (file != INVALID_HANDLE_VALUE) {
        real = GetFinalPathNameByHandleW(file, self, MAX_PATH * 4, FILE_NAME_NORMALIZED);
        CloseHandle(file);
    }
    if (real == 0 || real >= MAX_PATH * 4) {
        wcscpy(self, module);
    } else if (wcsncmp(self, L"\\\\?\\UNC\\", 8) == 0) {
        /* \\?\UNC\server\share → \\server\share, the form the jpackage launcher expects */
        memmove(self + 2, self + 8, (wcslen(self + 8) + 1) * sizeof(wchar_t));
    } else if (wcsncmp(self, L"\\\\?\\", 4) == 0) {
        memmove(self, self + 4, (wcslen(self + 4) + 1) * sizeof(wchar_t));
    }
    wchar_t *slash = wcsrchr(self, L'\\');
    if (slash == NULL) {
        fprintf(stderr, PROGRAM ": cannot find where this program is installed, so cannot start kubesignin-cli beside it\n");
        return 1;
    }
    *slash = L'\0';
    wchar_t launcher[MAX_PATH * 4 + 32];
    _snwprintf(launcher, MAX_PATH * 4 + 32, L"%ls\\kubesignin-cli.exe", self);
    launcher[MAX_PATH * 4 + 31] = L'\0';

    /* the arguments exactly as received: this command line without its first word */
    const wchar_t *rest = GetCommandLineW();
    if (*rest == L'"') {
        rest++;
        while (*rest != L'\0' && *rest != L'"') {
            rest++;
        }
        if (*rest == L'"') {
            rest++;
        }
    } else {
        while (*rest != L'\0' && *rest != L' ' && *rest != L'\t') {
            rest++;
        }
    }
    size_t length = wcslen(launcher) + wcslen(rest) + 4;
    wchar_t *command_line = malloc(length * sizeof(wchar_t));
    if (command_line == NULL) {
        return 1;
    }
    _snwprintf(command_line, length, L"\"%ls\"%ls", launcher, rest);
    command_line[length - 1] = L'\0';

    STARTUPINFOW startup;
    PROCESS_INFORMATION process;
    memset(&startup, 0, sizeof startup);
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    startup.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
    startup.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    if (!CreateProcessW(launcher, command_line, NULL, NULL, TRUE, 0, NULL, NULL, &startup, &process)) {
        fprintf(stderr, PROGRAM ": cannot start %ls (error %lu); reinstall kubesignin\n", launcher, GetLastError());
        free(command_line);
        return 1;
    }
    free(command_line);
    WaitForSingleObject(process.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(process.hProcess, &code);
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);
    return (int) code;
}

#endif

int main(int argc, char **argv) {
    const char *profile = simple_get_token_profile(argc, argv);
    if (profile != NULL && exec_info_allows_v1(getenv("KUBERNETES_EXEC_INFO")) && print_cached_credential(profile)) {
        return 0;
    }
    return start_jvm_launcher(argc, argv);
}
