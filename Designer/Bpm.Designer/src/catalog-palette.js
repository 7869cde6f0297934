// A palette entry for the activity catalog: it lists the element templates only, by category, with a search;
// the chosen one becomes a new task with its template applied, placed where the analyst clicks.
const MENU = 'bpm-catalog';

function CatalogPalette(palette, popupMenu, elementTemplates, create, mouse, canvas, translate) {
  this._popupMenu = popupMenu;
  this._elementTemplates = elementTemplates;
  this._create = create;
  this._mouse = mouse;
  this._canvas = canvas;
  this._translate = translate;
  palette.registerProvider(this);
  popupMenu.registerProvider(MENU, this);
}

CatalogPalette.$inject = ['palette', 'popupMenu', 'elementTemplates', 'create', 'mouse', 'canvas', 'translate'];

CatalogPalette.prototype.getPaletteEntries = function () {
  const open = () => {
    const entry = document.querySelector(`.djs-palette [data-action="${MENU}"]`);
    const top = entry.getBoundingClientRect().top;
    const right = entry.closest('.djs-palette').getBoundingClientRect().right;
    this._popupMenu.open(this._canvas.getRootElement(), MENU, { x: right + 8, y: top }, {
      title: this._translate('Activity from the catalog'),
      search: true,
      width: 350,
    });
  };
  return {
    [MENU]: {
      group: 'activity',
      className: 'bpmn-icon-service-task bpm-catalog-entry',
      title: this._translate('Activity from the catalog'),
      action: { click: open },
    },
  };
};

CatalogPalette.prototype.getPopupMenuEntries = function () {
  const entries = {};
  for (const template of this._elementTemplates.getLatest()) {
    const start = (event) => {
      this._popupMenu.close();
      const shape = this._elementTemplates.createElement(template);
      this._create.start(event instanceof KeyboardEvent ? this._mouse.getLastMoveEvent() : event, shape);
    };
    entries[`catalog-${template.id}`] = {
      label: template.name,
      description: template.description,
      imageUrl: template.icon && template.icon.contents,
      group: template.category || { id: 'other', name: this._translate('Other') },
      search: template.keywords,
      action: { click: start, dragstart: start },
    };
  }
  return entries;
};

CatalogPalette.prototype.getEmptyPlaceholder = function () {
  return this._translate('The catalog has no activities: no worker host has published any');
};

export default {
  __init__: ['catalogPalette'],
  catalogPalette: ['type', CatalogPalette],
};
