// The editor uploads nothing. Decap commits a file from its Media page straight to the
// published branch, past the review workflow and CODEOWNERS (decaporg/decap-cms#5061), and
// the file is served from the public site's origin. This media library, named in config.yml
// (media_library: geen-uploads), replaces Decap's own: no Media page, and no upload dialog.
CMS.registerMediaLibrary({
  name: 'geen-uploads',
  init: () => ({
    show: () => window.alert('De redactie kan geen bestanden opladen. Heb je een afbeelding nodig, vraag het dan aan een ontwikkelaar.'),
    hide: () => undefined,
    enableStandalone: () => false,
  }),
});
