/**
 * Fields bound to their form by name (`<Field form={state} name="…">`): when
 * the form comes back they show what was typed and the error for that name,
 * tied to the control for screen readers; before anything is typed they show
 * the page's default; a password is never shown again.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Field from '../../src/components/ui/Field.astro';
import FieldError from '../../src/components/ui/FieldError.astro';
import FlashMessage from '../../src/components/ui/FlashMessage.astro';
import Select from '../../src/components/ui/Select.astro';
import TextArea from '../../src/components/ui/TextArea.astro';
import type { FormState } from '../../src/domain/forms.ts';

let container: AstroContainer;

beforeAll(async () => {
  container = await AstroContainer.create();
});

const sentBack = (values: Record<string, string>, fieldErrors: Record<string, string>): FormState => ({
  submitted: true,
  result: { ok: false, fieldErrors },
  succeeded: false,
  message: null,
  flash: null,
  formError: null,
  fieldErrors,
  values,
});

const notSent: FormState = { ...sentBack({}, {}), submitted: false, result: null };

describe('a field bound to a form sent back with an error', () => {
  const form = sentBack({ title: 'Box "dead" again', story: 'Too short' }, { title: 'Keep it shorter.' });

  it('shows what was typed, escaped, and the error beside it, tied to the input', async () => {
    const html = await container.renderToString(Field, {
      props: { form, name: 'title', label: 'Title', value: 'The old title' },
    });
    expect(html).toContain('value="Box &quot;dead&quot; again"');
    expect(html).not.toContain('The old title');
    expect(html).toContain('Keep it shorter.');
    expect(html).toMatch(/aria-invalid="true"/);
    expect(html).toMatch(/aria-describedby="field-title-error"/);
  });

  it('shows no error for a name the form did not complain about', async () => {
    const html = await container.renderToString(TextArea, { props: { form, name: 'story', label: 'Story' } });
    expect(html).toContain('>Too short</textarea>');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('field__error');
  });

  it('selects the typed choice of a list', async () => {
    const html = await container.renderToString(Select, {
      props: {
        form: sentBack({ channel: 'phone' }, { channel: 'Choose how you contacted them.' }),
        name: 'channel',
        label: 'Channel',
        options: [
          { value: 'email', label: 'E-mail' },
          { value: 'phone', label: 'Phone' },
        ],
      },
    });
    expect(html).toMatch(/<option value="phone" selected/);
    expect(html).toContain('Choose how you contacted them.');
  });

  it('never shows a typed password again', async () => {
    const html = await container.renderToString(Field, {
      props: {
        form: sentBack({ password: 'hunter2-hunter2' }, { password: 'Wrong.' }),
        name: 'password',
        label: 'Password',
        type: 'password',
      },
    });
    expect(html).not.toContain('hunter2');
    expect(html).toContain('Wrong.');
  });

  it('puts a group’s error under its legend', async () => {
    const html = await container.renderToString(FieldError, {
      props: { form: sentBack({}, { kind: 'Say whether it is a like or a fail.' }), name: 'kind' },
    });
    expect(html).toContain('Say whether it is a like or a fail.');
  });
});

describe('a field bound to a form not sent yet', () => {
  it('shows the page’s default and no error', async () => {
    const html = await container.renderToString(Field, {
      props: { form: notSent, name: 'displayName', label: 'Display name', value: 'Camille R.' },
    });
    expect(html).toContain('value="Camille R."');
    expect(html).not.toContain('aria-invalid');
  });
});

describe('the flash message after a redirect', () => {
  it('says what the form did when `done` names it', async () => {
    const html = await container.renderToString(FlashMessage, {
      request: new Request('http://localhost/posts/1?done=verdict'),
    });
    expect(html).toContain('Your verdict is published.');
    expect(html).toContain('role="status"');
  });

  it('says nothing for a `done` it does not know', async () => {
    const html = await container.renderToString(FlashMessage, {
      request: new Request('http://localhost/posts/1?done=%3Cb%3Ehacked%3C%2Fb%3E'),
    });
    expect(html.trim()).toBe('');
  });
});
