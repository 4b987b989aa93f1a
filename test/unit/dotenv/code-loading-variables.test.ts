import { describe, expect, it } from 'vitest';
import {
  CODE_LOADING_FAMILIES,
  codeLoadingReason,
  codeLoadingWarning,
  isCodeLoadingVariable,
} from '../../../electron/core/dotenv/code-loading-variables.js';

describe('code-loading variables', () => {
  it('names what the issue lists, and each family says why', () => {
    const listed = [
      'LD_PRELOAD',
      'LD_LIBRARY_PATH',
      'LD_AUDIT',
      'DYLD_INSERT_LIBRARIES',
      'DYLD_LIBRARY_PATH',
      'NODE_OPTIONS',
      'NODE_PATH',
      'BASH_ENV',
      'ENV',
      'PATH',
    ];
    const more = [
      'PYTHONSTARTUP',
      'PYTHONPATH',
      'PYTHONHOME',
      'PERL5OPT',
      'PERL5LIB',
      'RUBYOPT',
      'RUBYLIB',
      'JAVA_TOOL_OPTIONS',
      '_JAVA_OPTIONS',
    ];
    const shell = [
      'PROMPT_COMMAND',
      'SHELLOPTS',
      'PS4',
      'IFS',
      'GCONV_PATH',
      'BASH_FUNC_ls%%',
      'GIT_SSH_COMMAND',
      'GIT_EXEC_PATH',
      'GIT_CONFIG_KEY_0',
      'npm_config_script_shell',
    ];
    for (const name of [...listed, ...more, ...shell]) expect(isCodeLoadingVariable(name), name).toBe(true);
    for (const family of CODE_LOADING_FAMILIES) expect(family.why.length).toBeGreaterThan(10);
  });

  it('ignores case, as Windows and npm do', () => {
    expect(isCodeLoadingVariable('Path')).toBe(true);
    expect(isCodeLoadingVariable('ld_preload')).toBe(true);
    expect(isCodeLoadingVariable('dyld_insert_libraries')).toBe(true);
  });

  it('leaves ordinary keys alone, including ones that merely look alike', () => {
    for (const name of [
      'OPENAI_API_KEY',
      'LD_SDK_KEY',
      'DATABASE_URL',
      'NODE_ENV',
      'PATH_PREFIX',
      'MY_PATH',
      'ENVIRONMENT',
      'GIT_TOKEN',
      'HOMEPAGE_TOKEN',
    ]) {
      expect(codeLoadingReason(name), name).toBeNull();
      expect(codeLoadingWarning('k', name, 'run')).toBeNull();
    }
  });

  it('the warning names the key and the variable', () => {
    const line = codeLoadingWarning('api/evil', 'LD_PRELOAD', 'run');
    expect(line).toContain('"api/evil"');
    expect(line).toContain('LD_PRELOAD');
    expect(line).toContain('keeps its own LD_PRELOAD');
  });
});
